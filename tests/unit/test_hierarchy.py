"""Management chains, line paths and small-group suppression."""

from webapp.org.hierarchy import find_cycles, line_bounds, line_paths
from webapp.org.suppression import Group, suppress


def test_cycles_are_found_once_each_and_chains_into_them_are_not_cycles():
    managers = {1: None, 2: 1, 3: 4, 4: 5, 5: 3, 6: 3, 7: 7}
    cycles = find_cycles(managers)
    assert sorted(sorted(set(cycle)) for cycle in cycles) == [[3, 4, 5], [7]]
    for cycle in cycles:
        assert cycle[0] == cycle[-1]


def test_line_paths_run_from_the_top_to_the_person():
    paths = line_paths({1: None, 2: 1, 3: 2, 4: 1, 10: None})
    assert paths == {1: "/1/", 2: "/1/2/", 3: "/1/2/3/", 4: "/1/4/", 10: "/10/"}


def test_line_bounds_take_everyone_below_and_no_one_else():
    paths = line_paths({1: None, 2: 1, 3: 2, 12: None, 13: 12, 100: None})
    low, high = line_bounds(paths[1])
    assert sorted(person for person, path in paths.items() if low < path < high) == [2, 3]


def test_groups_under_five_are_hidden_and_a_lone_hidden_group_takes_the_next_smallest_with_it():
    groups = suppress([Group("A", 40, 10, 5), Group("B", 3, 1, 1), Group("C", 7, 2, 2), Group("D", 9, 0, 9)])
    assert [group.suppressed for group in groups] == [False, True, True, False]


def test_two_hidden_groups_protect_each_other():
    groups = suppress([Group("A", 40, 10, 5), Group("B", 3, 1, 1), Group("C", 2, 2, 0), Group("D", 9, 0, 9)])
    assert [group.suppressed for group in groups] == [False, True, True, False]
