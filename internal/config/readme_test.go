package config_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bangate/bangate/internal/config"
)

// The README documents every configuration key with its flag, variable and
// default, so the table cannot drift from the code.
func TestREADMEDocumentsEveryKey(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	readme := string(data)
	for _, k := range config.Keys() {
		flag := ""
		if k.Flag != "" {
			flag = "`--" + k.Flag + "`"
		}
		def := fmt.Sprint(k.Default)
		switch d := k.Default.(type) {
		case []string:
			def = "[" + strings.Join(d, ", ") + "]"
		case map[string]string:
			def = "{}"
		}
		if def == "" {
			def = "(none)"
		}
		row := fmt.Sprintf("| `%s` | %s | `%s` | `%s` |", k.Name, flag, config.EnvName(k.Name), def)
		if !strings.Contains(readme, row) {
			t.Errorf("README.md lacks the row for key %s:\n%s", k.Name, row)
		}
	}
}
