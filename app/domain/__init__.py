"""The records of a job search and their interchange format. No I/O, no clock, no UI."""
