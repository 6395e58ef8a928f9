// Command xlsx2csv writes the rows of chosen Group IDs of OFSI's
// Consolidated List XLSX export (2022 format), or all its rows when no
// Group ID is given, as a CSV in the layout of
// OFSI's ConList.csv of the same format: the "Last Updated" row, the header
// row, then the data rows, every cell's text as the workbook holds it, in
// the workbook's order. It only re-encodes cells; it writes no value the
// workbook does not hold. See ../../SOURCES.md.
//
// Usage: go run ./internal/lists/testdata/uk/xlsx2csv UK_Sanctions_List.xlsx [GROUPID...] > out.csv
package main

import (
	"archive/zip"
	"encoding/csv"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

type sst struct {
	SI []struct {
		T string `xml:"t"`
		R []struct {
			T string `xml:"t"`
		} `xml:"r"`
	} `xml:"si"`
}

type sheet struct {
	Rows []struct {
		Cells []struct {
			Ref string `xml:"r,attr"`
			T   string `xml:"t,attr"`
			V   string `xml:"v"`
			IS  struct {
				T string `xml:"t"`
			} `xml:"is"`
		} `xml:"c"`
	} `xml:"sheetData>row"`
}

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "xlsx2csv:", err)
		os.Exit(1)
	}
}

func read(z *zip.ReadCloser, name string, v any) error {
	for _, f := range z.File {
		if f.Name == name {
			r, err := f.Open()
			if err != nil {
				return err
			}
			defer r.Close()
			b, err := io.ReadAll(r)
			if err != nil {
				return err
			}
			return xml.Unmarshal(b, v)
		}
	}
	return fmt.Errorf("%s not in workbook", name)
}

// column returns the 0-based column of a cell reference ("AJ12" -> 35).
func column(ref string) int {
	n := 0
	for _, c := range ref {
		if c < 'A' || c > 'Z' {
			break
		}
		n = n*26 + int(c-'A'+1)
	}
	return n - 1
}

func run(args []string, out io.Writer) error {
	if len(args) < 1 {
		return fmt.Errorf("usage: xlsx2csv FILE.xlsx [GROUPID...]")
	}
	z, err := zip.OpenReader(args[0])
	if err != nil {
		return err
	}
	defer z.Close()
	var strs sst
	if err := read(z, "xl/sharedStrings.xml", &strs); err != nil {
		return err
	}
	var sh sheet
	if err := read(z, "xl/worksheets/sheet1.xml", &sh); err != nil {
		return err
	}
	want := map[string]bool{}
	for _, g := range args[1:] {
		want[g] = true
	}
	w := csv.NewWriter(out)
	w.UseCRLF = true
	width := 0
	for i, row := range sh.Rows {
		cells := make([]string, 64)
		last := -1
		for _, c := range row.Cells {
			col := column(c.Ref)
			if col < 0 || col >= len(cells) {
				return fmt.Errorf("row %d: cell %s out of range", i+1, c.Ref)
			}
			switch c.T {
			case "s":
				k, err := strconv.Atoi(c.V)
				if err != nil || k < 0 || k >= len(strs.SI) {
					return fmt.Errorf("cell %s: bad shared string", c.Ref)
				}
				si := strs.SI[k]
				var b strings.Builder
				b.WriteString(si.T)
				for _, r := range si.R {
					b.WriteString(r.T)
				}
				cells[col] = b.String()
			case "inlineStr":
				cells[col] = c.IS.T
			default:
				cells[col] = c.V
			}
			if col > last {
				last = col
			}
		}
		switch i {
		case 0: // "Last Updated", date
			if err := w.Write(cells[:2]); err != nil {
				return err
			}
		case 1: // the header
			width = last + 1
			if err := w.Write(cells[:width]); err != nil {
				return err
			}
		default:
			if len(want) == 0 || want[cells[width-1]] {
				if err := w.Write(cells[:width]); err != nil {
					return err
				}
			}
		}
	}
	w.Flush()
	return w.Error()
}
