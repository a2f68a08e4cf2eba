"""The ``pufu`` command line: one module per command under :mod:`pufu.cli.commands`."""
