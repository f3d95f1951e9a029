"""The open actions in formats other programs read. Pure: no clock, no disk, no storage."""
