package bangate.lib.dates_test

import data.bangate.lib.dates

test_as_of_date_utc if {
	dates.as_of_date == "2024-09-29" with input as {"as_of": "2024-09-28T22:30:00-04:00"}
}

test_as_of_date_zulu if {
	dates.as_of_date == "2024-07-20" with input as {"as_of": "2024-07-20T00:00:00Z"}
}

test_reached_same_day if {
	dates.reached("2024-07-20") with input as {"as_of": "2024-07-20T00:00:00Z"}
}

test_reached_not_before_the_day if {
	not dates.reached("2024-07-20") with input as {"as_of": "2024-07-19T23:59:59Z"}
	dates.before("2024-07-20") with input as {"as_of": "2024-07-19T23:59:59Z"}
}

test_reached_rejects_bad_date if {
	not dates.reached("2024-7-20") with input as {"as_of": "2026-01-01T00:00:00Z"}
	not dates.before("20240720") with input as {"as_of": "2000-01-01T00:00:00Z"}
}

test_valid_date if {
	dates.valid_date("2026-11-27")
	not dates.valid_date("2026-13-01")
	not dates.valid_date(20261127)
	not dates.valid_date("2026-11-27T00:00:00Z")
}

test_errors_missing_as_of if {
	dates.errors == {{"code": "as-of-invalid", "message": "input.as_of is missing or not an RFC 3339 timestamp"}} with input as {}
}

test_errors_malformed_as_of if {
	count(dates.errors) == 1 with input as {"as_of": "yesterday"}
	count(dates.errors) == 1 with input as {"as_of": 1732665600}
}

test_errors_none_for_valid_as_of if {
	count(dates.errors) == 0 with input as {"as_of": "2026-11-27T00:00:00Z"}
}
