package check_test

import (
	"testing"

	"github.com/bangate/bangate/internal/corpustest"
)

// TestMain removes the extracted wild corpus after the tests.
func TestMain(m *testing.M) { corpustest.Main(m) }
