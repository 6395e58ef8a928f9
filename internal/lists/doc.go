// Package lists loads the reference lists bangate screens against (OFAC SDN
// and non-SDN, the trade.gov Consolidated Screening List, the UN Security
// Council Consolidated List, the EU financial sanctions list, the UK
// Sanctions List and OFSI's former Consolidated List, the curated ban lists
// kept as policy data) into one Entry shape, with the provenance of every
// list: source, publication date, digest and entry count.
package lists
