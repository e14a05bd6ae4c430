/**
 * The benchmark: drives the running system with a deterministic workload, measures it with HdrHistogram, and
 * measures the machine's own limits (a plain JDBC insert-and-commit) in the same run, so the report compares
 * ratios rather than absolute figures from a shared, noisy machine.
 */
package app.ghostresume.bench;
