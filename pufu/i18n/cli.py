"""Lines of the command line: confirmations, information, warnings and errors of ``pufu COMMAND``."""

JA: dict[str, str] = {
}

EN: dict[str, str] = {
}
