"""Exit statuses of the ``newsbrief`` command."""

from enum import IntEnum


class ExitStatus(IntEnum):
    OK = 0
    ERROR = 1  # at least one source failed; the others were still processed
    BAD_USAGE = 2  # argparse's own status for bad arguments
    CONFIG = 3  # a setting is wrong
    INTERRUPTED = 130
