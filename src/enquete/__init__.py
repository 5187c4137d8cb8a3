"""enquete: offline terminal questionnaires, file-based from end to end."""

__version__ = "0.1.0"
