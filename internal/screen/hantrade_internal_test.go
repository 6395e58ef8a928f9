package screen

import (
	"strings"
	"testing"
)

// TestTranslateHanTrade: the trade words of a Chinese company's name read
// in pinyin are read as the English words its Latin name writes, one
// syllable a word or several run together; other syllables, legal forms
// and names in other scripts are left as they are.
func TestTranslateHanTrade(t *testing.T) {
	for _, tt := range []struct {
		name, want, translated string
	}{
		{"華信船務(香港)有限公司", "hua xin shipping hong kong you xian gong si", "chuan wu as shipping; xiang gang as hong kong"},
		{"东莞圣寅数控设备有限公司", "dong guan sheng yin cnc equipment you xian gong si", "shu kong as cnc; she bei as equipment"},
		{"海润动力科技", "hai run power technology", "dong li as power; ke ji as technology"},
		{"景昕", "jing xin", ""},
		{"Huaxin Shipping", "huaxin shipping", ""},
	} {
		var nb normBuf
		nb.fuzzyLegal = true
		nb.normalize(tt.name)
		nb.translateHanTrade()
		if got := nb.String(); got != tt.want {
			t.Errorf("%s: read %q, want %q", tt.name, got, tt.want)
		}
		if got := strings.Join(nb.translated, "; "); got != tt.translated {
			t.Errorf("%s: translated %q, want %q", tt.name, got, tt.translated)
		}
	}
	// Run together by resegment, as a listed word spells them.
	var nb normBuf
	nb.normalize("科技")
	nb.text = append(nb.text[:0], "keji"...)
	nb.words = nb.words[:1]
	nb.words[0] = span{start: 0, end: 4}
	if !nb.translateHanTrade() || nb.String() != "technology" {
		t.Errorf("keji: read %q, want technology", nb.String())
	}
}
