/**
 * Goals and streaks. A goal counts one metric (attempts by the day sent, rejections and acceptances by the day
 * received; ghostings are not rejections) per period, in the seeker's time zone. The counts are taken from the
 * attempt board when read, so the order in which events of different partitions arrive cannot change them; the
 * period, status, streak and score arithmetic is plain Java ({@link app.ghostresume.events.GoalPeriod},
 * {@link app.ghostresume.query.goal.GoalProgress}, {@link app.ghostresume.query.goal.Streaks},
 * {@link app.ghostresume.query.goal.ConsistencyScore}).
 */
package app.ghostresume.query.goal;
