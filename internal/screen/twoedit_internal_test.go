package screen

import "testing"

// TestMayLoosen: a query may have a loose word only in a word of
// minTwoEditGiven letters or more, all letters, that is no title.
func TestMayLoosen(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name  string
		title int // the word that is a title, -1 for none
		want  bool
	}{
		{"Ivan Prigozhin", -1, true},
		{"Ivan Li", -1, false},
		{"Ivan Ivanov", -1, true},
		{"Ivan Ivano5", -1, false},
		{"Ali Bin Hasan", -1, false},
		{"General Ali Li", 0, false},
		{"General Ali Hassani", 0, true},
	} {
		var sc scratch
		sc.nb.normalize(tt.name)
		sc.qw = make([]qword, len(sc.nb.words))
		if tt.title >= 0 {
			sc.qw[tt.title].title = true
		}
		if got := sc.mayLoosen(); got != tt.want {
			t.Errorf("mayLoosen(%q) = %v, want %v", tt.name, got, tt.want)
		}
	}
}
