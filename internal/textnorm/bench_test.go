package textnorm_test

import (
	"testing"

	"github.com/bangate/bangate/internal/textnorm"
)

// benchNames are short names of the kinds a screening run folds: ASCII
// names as SBOMs and lists write them, and names in other scripts.
var benchNames = map[string][]string{
	"ascii": {
		"Kaspersky Lab", "Huawei Technologies Co., Ltd.", "Apache Software Foundation",
		"Andrey Petrov", "ZHEJIANG DAHUA TECHNOLOGY CO., LTD.", "node-hikvision-api",
		"Google LLC", "The Linux Foundation", "MADURO MOROS, Nicolas", "urllib3",
	},
	"latin": {
		"Nicolás Maduro", "Crème Brûlée Straße", "Łódź Sp. z o.o.", "ＫＡＳＰＥＲＳＫＹ",
		"Kas\u0440ersky", "Kasp\u200Bersky", "Société Générale", "Müller GmbH",
	},
	"cyrillic": {"ООО Касперский", "Путин Владимир Владимирович", "Лаборатория Касперского", "Андрей Петров"},
	"han":      {"华为技术有限公司", "海康威视", "中兴通讯", "浙江大华技术股份有限公司"},
	"arabic":   {"محمد بن سلمان", "حزب الله", "محمود احمدی\u200cنژاد"},
	"mixed":    {"김정은", "ニッサン", "ვლადიმერ პუტინი", "नरेन्द्र मोदी", "วลาดีมีร์ ปูติน", "בנימין נתניהו"},
}

// BenchmarkFold reports names/s per kind of input on one core. The matcher
// screens about 100k names/s; folding must not be what limits it.
func BenchmarkFold(b *testing.B) {
	for _, kind := range []string{"ascii", "latin", "cyrillic", "han", "arabic", "mixed"} {
		names := benchNames[kind]
		b.Run(kind, func(b *testing.B) {
			var buf []byte
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				buf = textnorm.AppendFold(buf[:0], names[i%len(names)])
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "names/s")
		})
	}
}

// BenchmarkFoldName is FoldName, variants included.
func BenchmarkFoldName(b *testing.B) {
	for _, kind := range []string{"ascii", "cyrillic", "han"} {
		names := benchNames[kind]
		b.Run(kind, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				_ = textnorm.FoldName(names[i%len(names)])
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "names/s")
		})
	}
}

// BenchmarkDomain is Domain on URLs as SBOM references write them.
func BenchmarkDomain(b *testing.B) {
	urls := []string{"https://www.kaspersky.com/downloads", "git+ssh://git@github.com/org/repo.git", "http://USA.Kaspersky.com", "https://касперский.рф/"}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		_, _ = textnorm.Domain(urls[i%len(urls)])
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "domains/s")
}
