# METADATA
# title: Ranking
# description: >-
#   Picks one finding per group in O(n log n): the rule sets rank their
#   candidates (strongest match first) and keep the first of each group,
#   without comparing every candidate with every other.
package bangate.lib.rank

# firsts takes rows [key, rank..., item], sorts them, and returns the item
# (the last element) of the first row of each key.
firsts(rows) := {r[count(r) - 1] |
	sorted := sort(rows)
	some i, r in sorted
	first_of_key(sorted, i)
}

first_of_key(_, 0)

first_of_key(sorted, i) if {
	i > 0
	sorted[i - 1][0] != sorted[i][0]
}
