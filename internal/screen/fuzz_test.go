package screen_test

import (
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/unicode/norm"

	"github.com/bangate/bangate/internal/screen"
)

var fuzzSeeds = []string{
	"Андрей Тихонов", "TIKHONOV, Andrei Gennadyevich", "Z.T.E. Corp", "Kaspersky Lab, ZAO",
	"Limited Liabjlity Company Garant-SV", "S A DE C V", "Γιώργος", "中兴通讯", "O'Brien & Co.",
	"", " ", "a", "\xff\xfe", "İ", "ǅ", "ß", "A.B.C.D.E.F", "ООО", "ltd ltd ltd",
	// Names that hold names: listed, in parentheses, nested; a path.
	"a; b; c; d; e; Vladimir Putin", "Acme (Holdings (Vladimir Putin)) Ltd", "((((x))))", "x（y（z））",
	"github.com/opencontainers/runc", "a/b;c(d)e)", "(;;/;;)", strings.Repeat("x; ", 70) + "Vladimir Putin",
	// The phonetic, Korean and two-edit paths.
	"ミン・アウン・フライン", "람잔 카디로프", "رمضان قديروف", "קים ג'ונג און", "金正恩", "Kim Chong-un",
	// al-Din read as the list writes it.
	"Hassan Izzeddine", "eddine eddine", "Nur-eddin al-Dibiski (Nureddine)",
	"Kimjongun", "Riyongho", "Yevgeniy Prigoschine", "Evgueni Prigojine", "Γεβγκένι Πριγκόζιν",
	// Han names by parts and in simplified characters, Thai, titles in
	// script, short given names' variants.
	"哈桑·纳斯鲁拉", "穆罕默德··阿里", "·", "金与正", "อาลี คาเมเนอี", "อ", "آیت\u200cالله علی خامنه\u200cای",
	"سرلشکر", "Jonh Smith", "Jhon", "화웨이",
	// The name of God, letters read apart, Persian readings, ta
	// marbuta; a Chinese company's trade words; the article apart.
	"امیر عبد الله", "عبدالله", "الله", "طه ياسين", "منتظری", "جبهة النصرة", "کیومرث",
	"華信船務(香港)有限公司", "科技", "ke ji", "Khalid AL OTAIBI", "al al al",
	"IRAN AIRCRAFT INDUSTRIES (IACI)", "((x))", "a (b) (c", "()", "(()",
	// Chinese names in Wade–Giles.
	"Teng Hsiao-p'ing", "Mao Tse-tung", "Yeh Chien-ying", "Chu Teh", "hsiehhsiehhsieh ssu",
}

func FuzzNormalize(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, b := screen.Normalize(s), screen.Normalize(s)
		if !cmp.Equal(a, b) {
			t.Fatalf("Normalize(%q) not deterministic", s)
		}
		if len(a.Keys) != len(a.Words) || len(a.Legal) != len(a.Words) {
			t.Fatalf("Normalize(%q): lengths differ", s)
		}
		for _, w := range a.Words {
			if w == "" {
				t.Fatalf("Normalize(%q): empty word", s)
			}
		}
	})
}

var fuzzIndex = sync.OnceValue(func() *screen.Index {
	ix, err := screen.NewIndex(testListsNoTB(), screen.DefaultOptions())
	if err != nil {
		panic(err)
	}
	return ix
})

func FuzzName(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, "")
		f.Add(s, screen.KindPerson)
	}
	// Seeds from the labelled set: every 100th positive and negative.
	for i, l := range readLabelled(f, "positives.tsv", true) {
		if i%100 == 0 {
			f.Add(l.q.Name, l.q.Kind)
		}
	}
	for i, l := range readLabelled(f, "negatives.tsv", false) {
		if i%100 == 0 {
			f.Add(l.q.Name, l.q.Kind)
		}
	}
	sdnList(f) // read the list outside the fuzz function
	ix := fuzzIndex()
	f.Fuzz(func(t *testing.T, name, kind string) {
		q := screen.Query{Name: name, Kind: kind}
		a, errA := ix.Name(q)
		b, errB := ix.Name(q)
		if errors.Is(errA, screen.ErrNameParts) && errors.Is(errB, screen.ErrNameParts) {
			// A name of too many parts to read apart: an error, not a
			// name screened as one.
			nfkc := norm.NFKC.String(name)
			if n := strings.Count(nfkc, "(") + strings.Count(nfkc, ";") + strings.Count(nfkc, "/"); n <= 64 {
				t.Fatalf("Name(%q): %v with %d separators", name, errA, n)
			}
			return
		}
		if errA != nil || errB != nil {
			t.Fatalf("Name(%q): %v, %v", name, errA, errB)
		}
		if !cmp.Equal(a, b) {
			t.Fatalf("Name(%q) not deterministic", name)
		}
		for i, m := range a {
			if m.Score < ix.Options().Review || m.Score > 1 || m.EntryID == "" || m.Explain == "" {
				t.Fatalf("Name(%q): bad match %+v", name, m)
			}
			if i > 0 && m.Score > a[i-1].Score {
				t.Fatalf("Name(%q): not sorted", name)
			}
		}
		ix.Domain(name)
		ix.PURLNamespace(kind, name)
		ix.CPEVendor(name)
		ix.Identifier(name)
	})
}
