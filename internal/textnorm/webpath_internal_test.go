package textnorm

import "testing"

// TestWebPathShortcut: a plain path comes out as it would without the
// shortcut, for every path of up to four characters of a small alphabet
// and a few longer ones.
func TestWebPathShortcut(t *testing.T) {
	alphabet := []string{"/", ".", "a", "A", "g", "é", " "}
	paths := []string{"/", "/org/repo", "/org/repo/", "/org/repo.git", "/org/repo.git/", "/Org/Repo", "/a/./b", "/a/.", "/a/..", "/a/.b", "/.git", "/a//b"}
	var grow func(p string, n int)
	grow = func(p string, n int) {
		paths = append(paths, p)
		if n == 0 {
			return
		}
		for _, c := range alphabet {
			grow(p+c, n-1)
		}
	}
	grow("/", 4)
	for _, p := range paths {
		if got, want := webPath(p), pathEnd(webPathSplit(p)); got != want {
			t.Errorf("webPath(%q) = %q, want %q", p, got, want)
		}
	}
}
