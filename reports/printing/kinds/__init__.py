"""The printable kinds the pipeline knows from the start; `register_all` runs in ready()."""


def register_all() -> None:
    from reports.printing.kinds import participants, report, submissions

    submissions.register_kinds()
    participants.register_kinds()
    report.register_kinds()
