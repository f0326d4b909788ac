"""Line-management chains: finding cycles and working out each person's line path."""

from collections.abc import Hashable, Mapping
from typing import TypeVar

Key = TypeVar("Key", bound=Hashable)


def find_cycles(manager_of: Mapping[Key, Key | None]) -> list[list[Key]]:
    """Every cycle in the management chain, each as the chain of people from one back to itself.

    Walks each chain once (colouring people as it goes), so it is linear in the number of people.
    """
    state: dict[Key, int] = {}  # 1: on the chain being walked, 2: finished
    cycles = []
    for start in manager_of:
        chain: list[Key] = []
        person: Key | None = start
        while person is not None and person in manager_of and person not in state:
            state[person] = 1
            chain.append(person)
            person = manager_of[person]
        if person is not None and state.get(person) == 1:
            loop = chain[chain.index(person) :]
            cycles.append([*loop, person])
        for walked in chain:
            state[walked] = 2
    return cycles


def line_paths(manager_of: Mapping[int, int | None]) -> dict[int, str]:
    """'/top/.../manager/person/' for everyone, from ids. The chain must have no cycles."""
    paths: dict[int, str] = {}
    for start in manager_of:
        chain = []
        person: int | None = start
        while person is not None and person not in paths:
            chain.append(person)
            person = manager_of.get(person)
        prefix = paths[person] if person is not None else "/"
        for walked in reversed(chain):
            prefix = paths[walked] = f"{prefix}{walked}/"
    return paths


def line_bounds(path: str) -> tuple[str, str]:
    """Paths strictly inside this person's line lie between these two strings (byte order: '/' < '0')."""
    return path, path[:-1] + "0"


def is_below(path: str, manager_path: str) -> bool:
    """In the manager's line at any depth (not the manager themselves)."""
    return path != manager_path and path.startswith(manager_path)
