package config

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"time"

	"github.com/go-viper/mapstructure/v2"
	"github.com/spf13/pflag"
	"github.com/spf13/viper"

	"github.com/bangate/bangate/internal/decision"
	"github.com/bangate/bangate/internal/strictkeys"
)

// FileName is the configuration file looked for in the working directory.
const FileName = "bangate.yaml"

// EnvPrefix prefixes every configuration variable.
const EnvPrefix = "BANGATE"

// LoadOptions says where configuration comes from.
type LoadOptions struct {
	// File is an explicit configuration file (--config); it must exist.
	// When empty, BANGATE_CONFIG names one.
	File string
	// Dir is searched for bangate.yaml when no file is named; "" skips
	// it. A file found there applies only where it makes the gate
	// stricter (see trust.go).
	Dir string
	// Flags are the command's flags; those named in Keys are bound.
	Flags *pflag.FlagSet
}

// EnvName is the environment variable that sets a key.
func EnvName(key string) string {
	return EnvPrefix + "_" + strings.ToUpper(strings.NewReplacer(".", "_", "-", "_").Replace(key))
}

// Load reads the configuration with precedence flag > env > file > default
// and checks its keys; the caller validates the values (Validate). It
// returns the configuration files read, each with its digest and trust:
// a named file (--config or BANGATE_CONFIG) applies whole; a bangate.yaml
// found in Dir applies only its settings that cannot weaken the gate, and
// lists the others as ignored (see trust.go).
func Load(opts LoadOptions) (Config, []decision.ConfigFile, error) {
	v := viper.New()
	v.SetConfigType("yaml")
	for _, k := range Keys() {
		v.SetDefault(k.Name, k.Default)
		// Bind every key explicitly: AutomaticEnv alone is not seen by
		// Unmarshal (spf13/viper#761).
		if err := v.BindEnv(k.Name, EnvName(k.Name)); err != nil {
			return Config{}, nil, fmt.Errorf("bind env %s: %w", k.Name, err)
		}
		if opts.Flags != nil && k.Flag != "" {
			if f := opts.Flags.Lookup(k.Flag); f != nil {
				if err := v.BindPFlag(k.Name, f); err != nil {
					return Config{}, nil, fmt.Errorf("bind flag --%s: %w", k.Flag, err)
				}
			}
		}
	}
	path, trust := opts.File, decision.TrustNamed
	if path == "" {
		path = os.Getenv(ConfigEnv)
	}
	if path == "" && opts.Dir != "" {
		candidate := filepath.Join(opts.Dir, FileName)
		if _, err := os.Stat(candidate); err == nil {
			path, trust = candidate, decision.TrustFound
		}
	}
	var files []decision.ConfigFile
	if path != "" {
		data, err := readFile(path)
		if err != nil {
			return Config{}, nil, err
		}
		sum := sha256.Sum256(data)
		file := decision.ConfigFile{Path: path, SHA256: hex.EncodeToString(sum[:]), Trust: trust}
		if trust == decision.TrustNamed {
			if err := v.ReadConfig(bytes.NewReader(data)); err != nil {
				return Config{}, nil, fmt.Errorf("read config %s: %w", path, err)
			}
		} else {
			fv := viper.New()
			fv.SetConfigType("yaml")
			if err := fv.ReadConfig(bytes.NewReader(data)); err != nil {
				return Config{}, nil, fmt.Errorf("read config %s: %w", path, err)
			}
			// An unknown key is an error whatever the file's trust.
			var probe Config
			if err := unmarshal(fv, &probe); err != nil {
				return Config{}, nil, fmt.Errorf("config %s: %w", path, unknownKeyError(err))
			}
			var base Config
			if err := unmarshal(v, &base); err != nil {
				return Config{}, nil, fmt.Errorf("config %s: %w", where(""), unknownKeyError(err))
			}
			applied, ignored := judgeFound(fv, base, opts.Flags)
			if err := v.MergeConfigMap(applied); err != nil {
				return Config{}, nil, fmt.Errorf("read config %s: %w", path, err)
			}
			file.Ignored = ignored
		}
		files = append(files, file)
	}
	var cfg Config
	if err := unmarshal(v, &cfg); err != nil {
		return Config{}, files, fmt.Errorf("config %s: %w", where(path), unknownKeyError(err))
	}
	return cfg, files, nil
}

// readFile reads a configuration file and refuses a key given twice, or
// twice up to case: viper lower-cases keys and mapstructure matches them
// without regard to case, so profile and PROFILE (or a key given twice)
// would silently keep one value. The error names the key and the line.
func readFile(path string) ([]byte, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read config %s: %w", path, err)
	}
	var ke *strictkeys.KeyError
	if err := strictkeys.CheckYAML(data); errors.As(err, &ke) {
		return nil, fmt.Errorf("read config %s: %w", path, err)
	}
	return data, nil
}

// unmarshal decodes v into cfg, refusing unknown keys.
func unmarshal(v *viper.Viper, cfg *Config) error {
	return v.Unmarshal(cfg, func(dc *mapstructure.DecoderConfig) {
		dc.ErrorUnused = true
		dc.WeaklyTypedInput = true
		dc.DecodeHook = mapstructure.ComposeDecodeHookFunc(mapstructure.StringToSliceHookFunc(","), timeToString)
	})
}

// timeToString turns a date YAML read as a timestamp (as-of: 2015-01-01,
// unquoted) back into the text written, for the string keys.
func timeToString(from, to reflect.Type, data any) (any, error) {
	t, ok := data.(time.Time)
	if !ok || to.Kind() != reflect.String {
		return data, nil
	}
	if t.Equal(t.Truncate(24*time.Hour)) && t.Location() == time.UTC {
		return t.Format(time.DateOnly), nil
	}
	return t.Format(time.RFC3339), nil
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
