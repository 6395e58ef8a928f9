package config

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/go-viper/mapstructure/v2"
	"github.com/spf13/pflag"
	"github.com/spf13/viper"

	"github.com/bangate/bangate/internal/strictkeys"
)

// FileName is the configuration file looked for in the working directory.
const FileName = "bangate.yaml"

// EnvPrefix prefixes every configuration variable.
const EnvPrefix = "BANGATE"

// LoadOptions says where configuration comes from.
type LoadOptions struct {
	// File is an explicit configuration file (--config); it must exist.
	File string
	// Dir is searched for bangate.yaml when File is empty; "" skips it.
	Dir string
	// Flags are the command's flags; those named in Keys are bound.
	Flags *pflag.FlagSet
}

// EnvName is the environment variable that sets a key.
func EnvName(key string) string {
	return EnvPrefix + "_" + strings.ToUpper(strings.NewReplacer(".", "_", "-", "_").Replace(key))
}

// Load reads the configuration with precedence flag > env > file > default
// and validates it. The returned path is the file read, if any.
func Load(opts LoadOptions) (Config, string, error) {
	v := viper.New()
	v.SetConfigType("yaml")
	for _, k := range Keys() {
		v.SetDefault(k.Name, k.Default)
		// Bind every key explicitly: AutomaticEnv alone is not seen by
		// Unmarshal (spf13/viper#761).
		if err := v.BindEnv(k.Name, EnvName(k.Name)); err != nil {
			return Config{}, "", fmt.Errorf("bind env %s: %w", k.Name, err)
		}
		if opts.Flags != nil && k.Flag != "" {
			if f := opts.Flags.Lookup(k.Flag); f != nil {
				if err := v.BindPFlag(k.Name, f); err != nil {
					return Config{}, "", fmt.Errorf("bind flag --%s: %w", k.Flag, err)
				}
			}
		}
	}
	path := opts.File
	if path == "" && opts.Dir != "" {
		candidate := filepath.Join(opts.Dir, FileName)
		if _, err := os.Stat(candidate); err == nil {
			path = candidate
		}
	}
	if path != "" {
		data, err := os.ReadFile(path)
		if err != nil {
			return Config{}, path, fmt.Errorf("read config %s: %w", path, err)
		}
		// viper lower-cases keys and mapstructure matches them without
		// regard to case, so profile and PROFILE (or a key given twice)
		// would silently keep one value: refuse, naming the key and line.
		var ke *strictkeys.KeyError
		if err := strictkeys.CheckYAML(data); errors.As(err, &ke) {
			return Config{}, path, fmt.Errorf("read config %s: %w", path, err)
		}
		if err := v.ReadConfig(bytes.NewReader(data)); err != nil {
			return Config{}, path, fmt.Errorf("read config %s: %w", path, err)
		}
	}
	var cfg Config
	err := v.Unmarshal(&cfg, func(dc *mapstructure.DecoderConfig) {
		dc.ErrorUnused = true
		dc.WeaklyTypedInput = true
		dc.DecodeHook = mapstructure.StringToSliceHookFunc(",")
	})
	if err != nil {
		return Config{}, path, fmt.Errorf("config %s: %w", where(path), unknownKeyError(err))
	}
	return cfg, path, nil
}

func where(path string) string {
	if path == "" {
		return "(environment and flags)"
	}
	return path
}

// unknownKeyError turns mapstructure's multi-line report into one line
// naming the whole key: "'lists' has invalid keys: maxage" becomes
// "unknown key lists.maxage".
func unknownKeyError(err error) error {
	msg := strings.Join(strings.Fields(err.Error()), " ")
	const marker = "has invalid keys:"
	i := strings.Index(msg, marker)
	if i < 0 {
		return errors.New(msg)
	}
	parent := ""
	if head := strings.TrimSpace(msg[:i]); strings.HasSuffix(head, "'") {
		if j := strings.LastIndex(head[:len(head)-1], "'"); j >= 0 {
			parent = head[j+1 : len(head)-1]
		}
		if strings.HasPrefix(parent, "config.") { // the top-level struct's type name
			parent = ""
		}
	}
	var keys []string
	for _, k := range strings.Split(msg[i+len(marker):], ",") {
		k = strings.TrimSpace(k)
		if parent != "" {
			k = parent + "." + k
		}
		keys = append(keys, k)
	}
	return errors.New("unknown key " + strings.Join(keys, ", "))
}
