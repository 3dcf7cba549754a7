"""Demo data of the stakeholders app, part by part (load_demo calls reset() and load())."""

from stakeholders import demo_funding, demo_registration

# Registrations first: travel funding is asked for by registrants.
PARTS = [demo_registration, demo_funding]


def reset() -> None:
    for part in reversed(PARTS):
        part.reset()


def load(*, out) -> None:
    for part in PARTS:
        part.load(out=out)
