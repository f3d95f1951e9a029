"""One module per command of the command line; each exposes ``run(args, ctx) -> int``."""
