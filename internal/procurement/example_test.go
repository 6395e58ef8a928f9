package procurement_test

import (
	"fmt"

	"github.com/bangate/bangate/internal/procurement"
)

func ExampleRead() {
	sheet := []byte("vendor,country,product,amount,owners\n" +
		"AO Kaspersky Lab,RU,Endpoint Security,1200.00,\n" +
		"Fabrikam GmbH,DE,Router,15000,Holding A:60;Holding B:40\n")
	vendors, err := procurement.Read(sheet, "purchases.csv", procurement.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, v := range vendors {
		fmt.Println(v.Record, v.Pointer, v.Name, v.Country, v.Contracts[0].Amount, len(v.Owners))
	}
	_, err = procurement.Read([]byte("vendor,amount\nAcme,12 EUR\n"), "bad.csv", procurement.Options{})
	fmt.Println(err)
	// Output:
	// 1 row 2 AO Kaspersky Lab RU 1200.00 0
	// 2 row 3 Fabrikam GmbH DE 15000 2
	// bad.csv: row 2: column amount: not a decimal number
}

func ExampleAggregate() {
	edges := []procurement.Edge{
		{Owner: "Person X", Owned: "Holding B", Percent: 60, Source: "own.csv", Pointer: "row 2"},
		{Owner: "Holding B", Owned: "Vendor C", Percent: 50, Source: "own.csv", Pointer: "row 3"},
	}
	onSDN := func(name string) bool { return name == "Person X" }
	exp, err := procurement.Aggregate(edges, onSDN)
	if err != nil {
		fmt.Println(err)
		return
	}
	c := exp[procurement.Key("Vendor C")]
	fmt.Printf("blocked=%v percent=%v look-through=%v\n", c.Blocked, c.Percent, c.LookThrough)
	for _, ch := range c.Chains {
		fmt.Printf("%v: %v%% multiplied, %v%% counted\n", ch.Path, ch.Percent, ch.Counted)
	}
	// Output:
	// blocked=true percent=50 look-through=30
	// [Person X Holding B Vendor C]: 30% multiplied, 50% counted
}
