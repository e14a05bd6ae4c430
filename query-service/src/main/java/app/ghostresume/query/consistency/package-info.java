/** Read-your-writes: holds a query until the event named by its Consistency-Token has been projected. */
package app.ghostresume.query.consistency;
