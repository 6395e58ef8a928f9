# METADATA
# title: Dates
# description: >-
#   The evaluation date comes from input.as_of only, never the wall clock,
#   so a past decision can be replayed. Ban-list dates are YYYY-MM-DD
#   strings, validated and then compared as strings with the as_of date in
#   UTC.
package bangate.lib.dates

# date_pattern matches a calendar date written YYYY-MM-DD.
date_pattern := `^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$`

# rfc3339_pattern matches the shape of an RFC 3339 timestamp.
rfc3339_pattern := `^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})$`

# as_of_ns is input.as_of in nanoseconds since the epoch; undefined when
# input.as_of is missing or malformed (see errors).
as_of_ns := time.parse_rfc3339_ns(input.as_of) if {
	is_string(input.as_of)
	regex.match(rfc3339_pattern, input.as_of)
}

# as_of_date is the UTC calendar date of input.as_of, YYYY-MM-DD.
as_of_date := time.format([as_of_ns, "UTC", "2006-01-02"])

# valid_date holds when s is a YYYY-MM-DD string.
valid_date(s) if {
	is_string(s)
	regex.match(date_pattern, s)
}

# reached holds when the YYYY-MM-DD date d is on or before the as_of date.
reached(d) if {
	valid_date(d)
	d <= as_of_date
}

# before holds when the YYYY-MM-DD date d is after the as_of date.
before(d) if {
	valid_date(d)
	as_of_date < d
}

# errors reports an as_of that is missing or cannot be read: no date rule
# can be decided without it.
errors contains {"code": "as-of-invalid", "message": "input.as_of is missing or not an RFC 3339 timestamp"} if {
	not as_of_date
}
