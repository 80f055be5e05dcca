"""The experiment machinery of TripleWin: replications, statistics, results folders, commands."""
