package main

import (
	"encoding/csv"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
)

// cmdVendors writes a USAspending-shaped contract download of n rows: mostly
// US vendors with generated names, and, one row in a thousand, a banned
// vendor (a Kaspersky licence renewal, Hikvision cameras) or a sanctioned
// party from the planted list, so that the check has something to find.
func cmdVendors(args []string) error {
	fs := flag.NewFlagSet("vendors", flag.ContinueOnError)
	out := fs.String("out", ".", "output directory")
	n := fs.Int("n", 100000, "rows")
	seed := fs.Uint64("seed", 1, "random seed")
	if err := fs.Parse(args); err != nil {
		return err
	}
	r := rand.New(rand.NewPCG(*seed, *seed^0x9e3779b97f4a7c15))
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return err
	}
	path := filepath.Join(*out, fmt.Sprintf("vendors-%d.csv", *n))
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := csv.NewWriter(f)
	header := []string{"contract_award_unique_key", "award_id_piid", "recipient_name", "recipient_doing_business_as_name",
		"recipient_uei", "recipient_parent_name", "recipient_country_code", "country_of_product_or_service_origin_code",
		"product_or_service_code", "product_or_service_code_description", "federal_action_obligation", "action_date"}
	if err := w.Write(header); err != nil {
		return err
	}
	planted := plantedParties()
	products := [][2]string{{"7030", "IT AND TELECOM - BUSINESS APPLICATION SOFTWARE (PERPETUAL LICENSE SOFTWARE)"},
		{"7025", "IT AND TELECOM - NETWORK: SATELLITE COMMUNICATIONS AND TELECOM ACCESS SERVICES"},
		{"6350", "MISCELLANEOUS ALARM, SIGNAL, AND SECURITY DETECTION SYSTEMS"}, {"7510", "OFFICE SUPPLIES"},
		{"R408", "SUPPORT- PROFESSIONAL: PROGRAM MANAGEMENT/SUPPORT"}}
	for i := range *n {
		name := titleCase(pick(r, orgAdj)) + " " + titleCase(pick(r, orgNoun)) + " " + pick(r, []string{"LLC", "Inc.", "Corp.", "Ltd."})
		country, origin := "USA", "USA"
		prod := products[r.IntN(len(products))]
		switch i % 1000 {
		case 17:
			name, prod = "Kaspersky Lab, Inc.", products[0]
		case 417:
			name, prod, origin = "Hikvision USA Inc.", products[2], "CHN"
		case 817:
			p := planted[r.IntN(len(planted))]
			if p.sdn.Type == "" || p.sdn.Type == "-0- " {
				name = p.sdn.Name
			}
		}
		row := []string{fmt.Sprintf("CONT_AWD_%08d", i), fmt.Sprintf("PIID%07d", i), name, "",
			fmt.Sprintf("U%011d", r.IntN(1e11)), "", country, origin, prod[0], prod[1],
			strconv.FormatFloat(float64(r.IntN(1e7))/100, 'f', 2, 64), fmt.Sprintf("2025-%02d-%02d", 1+r.IntN(12), 1+r.IntN(28))}
		if err := w.Write(row); err != nil {
			return err
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "vendors: %d rows -> %s\n", *n, path)
	return nil
}
