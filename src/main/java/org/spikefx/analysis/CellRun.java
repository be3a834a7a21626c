package org.spikefx.analysis;

/**
 * One run of a sweep: cell (i, j) of the grid, its k-th seed, and what the run measured.
 *
 * @param i          index on the x axis
 * @param j          index on the y axis
 * @param k          which of the cell's seeds, 0 to seeds - 1
 * @param seed       the seed itself
 * @param statistics what the run measured
 */
public record CellRun(int i, int j, int k, long seed, CellStatistics statistics) {
}
