package procurement_test

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/bangate/bangate/internal/procurement"
)

const benchRows = 100_000

// vendorCSV generates a vendor sheet of n rows with the columns a real
// purchase export carries: name, DBA, identifiers, country, product,
// category, code, origin, owners, parent, contract id, amount, date.
func vendorCSV(n int) []byte {
	var b bytes.Buffer
	b.WriteString("recipient_name,recipient_doing_business_as_name,recipient_uei,cage_code,recipient_country_code," +
		"transaction_description,product_or_service_code,product_or_service_code_description," +
		"country_of_product_or_service_origin_code,owners,recipient_parent_name,award_id_piid," +
		"federal_action_obligation,action_date\n")
	countries := [...]string{"USA", "DEU", "CHN", "RUS", "GBR", "FRA", "JPN", "IND"}
	for i := range n {
		c := countries[i%len(countries)]
		fmt.Fprintf(&b, "\"VENDOR %d, INC.\",V%d,UEI%09d,C%04d,%s,LICENCES FOR SITE %d,7A21,IT AND TELECOM - SOFTWARE,%s,"+
			"Holding %d:60;Founder %d:40,PARENT %d,PIID%08d,%d.%02d,2024-%02d-%02d\n",
			i, i, i, i%10000, c, i%97, c, i%500, i, i%1000, i, i*7%100000, i%100, i%12+1, i%28+1)
	}
	return b.Bytes()
}

func BenchmarkReadCSV(b *testing.B) {
	data := vendorCSV(benchRows)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		vs, err := procurement.ReadCSV(bytes.NewReader(data), "bench.csv", procurement.Options{})
		if err != nil {
			b.Fatal(err)
		}
		if len(vs) != benchRows {
			b.Fatalf("read %d vendors", len(vs))
		}
	}
	b.ReportMetric(float64(benchRows)*float64(b.N)/b.Elapsed().Seconds(), "records/s")
}
