"""Errors that name what is at fault: the file, the record and the field.

>>> str(InputError("facts/roles.yaml", "prompt-engineer", "label", "missing English label"))
'facts/roles.yaml: record prompt-engineer: field label: missing English label'
>>> import pickle  # errors cross from the build's worker processes
>>> pickle.loads(pickle.dumps(InputError("a.csv", "3", "code", "empty"))).field
'code'
"""

from __future__ import annotations


class AiCareersError(Exception):
    """Base of the project's errors; the CLI prints them on one line and exits non-zero."""

    exit_status = 1


class InputError(AiCareersError):
    """Malformed input: names the file, the record (or line) and the field at fault."""

    exit_status = 2

    def __init__(self, file: str, record: str | None, field: str | None, message: str):
        self.file, self.record, self.field, self.message = str(file), record, field, message
        parts = [self.file]
        if record is not None:
            parts.append(f"record {record}")
        if field is not None:
            parts.append(f"field {field}")
        super().__init__(": ".join(parts + [message]))

    def __reduce__(self):
        # as it was made, so that it crosses from a worker process intact (pickle remakes it)
        return type(self), (self.file, self.record, self.field, self.message)


class UsageError(AiCareersError):
    """A command-line value that cannot be used: out of range, not a URL, a file that cannot be
    read or written; the command stops before doing any work."""

    exit_status = 2


class ValidationError(AiCareersError):
    """The graph does not conform to the SHACL shapes; carries the readable report."""

    exit_status = 3

    def __init__(self, report: str):
        self.report = report
        super().__init__("the graph does not conform to shapes.ttl:\n" + report)

    def __reduce__(self):
        return type(self), (self.report,)


#: Exit status of an answer the sources do not give: "no source says" (unknown), as distinct
#: from a true empty answer, "the sources say none" (status 0), and from the errors (1, 2, 3, 70).
#: The command still prints what is known instead, on standard output.
NOT_KNOWN = 4
