package check

import (
	"strconv"
	"strings"
	"testing"

	"github.com/bangate/bangate/internal/screen"
)

// TestNameCacheBounded: the cache keeps what it is given, up to its
// bound, where it starts again; a name too long is not kept.
func TestNameCacheBounded(t *testing.T) {
	c := newNameCache()
	for i := range nameCacheMax {
		c.put(nameKey{name: strconv.Itoa(i)}, nil)
	}
	if _, ok := c.get(nameKey{name: "17"}); !ok || len(c.m) != nameCacheMax {
		t.Fatalf("after %d names: %d kept", nameCacheMax, len(c.m))
	}
	want := []screen.Match{{List: "kaspersky", EntryID: "kaspersky-lab"}}
	c.put(nameKey{name: "Kaspersky Lab", kind: "organization"}, want)
	if len(c.m) != 1 {
		t.Errorf("a full cache holds %d names after one more, want 1", len(c.m))
	}
	if got, ok := c.get(nameKey{name: "Kaspersky Lab", kind: "organization"}); !ok || len(got) != 1 || got[0].EntryID != want[0].EntryID {
		t.Errorf("got %v, %v", got, ok)
	}
	if _, ok := c.get(nameKey{name: "Kaspersky Lab", kind: "person"}); ok {
		t.Error("a name of another kind is the same")
	}
	long := nameKey{name: strings.Repeat("x", nameCacheMaxName+1)}
	c.put(long, nil)
	if _, ok := c.get(long); ok {
		t.Error("a name over the bound was kept")
	}
}
