"""Scale data of the stakeholders app, part by part."""

from stakeholders import scale_funding

PARTS = [scale_funding]


def loaded() -> bool:
    return any(part.loaded() for part in PARTS)


def reset() -> None:
    for part in reversed(PARTS):
        part.reset()


def load(*, seed: int, factor: float, pool, out) -> None:
    for part in PARTS:
        part.load(seed=seed, factor=factor, pool=pool, out=out)
