"""Scale data of the stakeholders app, part by part."""

from stakeholders import scale_funding, scale_registration

# Registrations first: travel funding is asked for by registrants.
PARTS = [scale_registration, scale_funding]


def loaded() -> bool:
    return all(part.loaded() for part in PARTS)


def reset() -> None:
    for part in reversed(PARTS):
        part.reset()


def load(*, seed: int, factor: float, pool, out) -> None:
    for part in PARTS:
        if not part.loaded():  # a part added since the rest was loaded
            part.load(seed=seed, factor=factor, pool=pool, out=out)
