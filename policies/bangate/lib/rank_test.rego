package bangate.lib.rank_test

import data.bangate.lib.rank

test_firsts_one_per_key if {
	rows := [
		[["b", 1], 2, "b-weak"],
		[["a", 1], 0, "a-strong"],
		[["b", 1], 0, "b-strong"],
		[["a", 1], 1, "a-weak"],
		[["c", 2], 5, "c-only"],
	]
	rank.firsts(rows) == {"a-strong", "b-strong", "c-only"}
}

test_firsts_empty if {
	rank.firsts([]) == set()
}
