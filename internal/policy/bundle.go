package policy

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/bangate/bangate/internal/provenance"
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/loader"
)

// Bundle is the loaded, not yet compiled, policy bundle.
type Bundle struct {
	Modules   map[string]*ast.Module
	Documents map[string]any
	Files     []provenance.File
	// Contents holds the bytes of every file of Files, as read when the
	// bundle was loaded: the evidence record stores exactly what was
	// compiled, never a file read again.
	Contents map[provenance.File][]byte
}

// Origin is one source of policy files: the built-in bundle ("builtin")
// or a user directory, named as the user gave it.
type Origin struct {
	// Name is "builtin" or the directory as named; evidence records it.
	Name string
	// FS holds the origin's files.
	FS fs.FS
}

// OriginBuiltin is the name of the built-in bundle's origin.
const OriginBuiltin = "builtin"

// Origins are the built-in bundle (when builtin is not nil) followed by
// every user directory. A user directory named like the built-in origin
// ("builtin") is named "./builtin", so that it is never taken for it.
func Origins(builtin fs.FS, userDirs []string) ([]Origin, error) {
	var out []Origin
	if builtin != nil {
		out = append(out, Origin{Name: OriginBuiltin, FS: builtin})
	}
	for _, dir := range userDirs {
		info, err := os.Stat(dir)
		if err != nil {
			return nil, fmt.Errorf("load policy %s: %w", dir, err)
		}
		if !info.IsDir() {
			return nil, fmt.Errorf("load policy %s: not a directory", dir)
		}
		name := dir
		if name == OriginBuiltin {
			name = "." + string(filepath.Separator) + dir
		}
		out = append(out, Origin{Name: name, FS: os.DirFS(dir)})
	}
	return out, nil
}

// LoadBundle reads the built-in bundle from fsys and every user directory,
// and merges them, Rego tests (*_test.rego) included. Two files that set
// the same data key, or a module path given twice, are errors.
func LoadBundle(builtin fs.FS, userDirs []string) (*Bundle, error) {
	origins, err := Origins(builtin, userDirs)
	if err != nil {
		return nil, err
	}
	return LoadOrigins(origins, true)
}

// LoadOrigins reads and merges the policy files of every origin, the
// built-in one first. Without tests, *_test.rego files are left out: they
// define no deny, review or warn, and compiling them costs time on every
// check. A user origin's files must stay in the user's namespace (see
// namespace.go): a module or data file that defines or overrides part of
// the built-in bundle is a *NamespaceError naming the file.
func LoadOrigins(origins []Origin, tests bool) (*Bundle, error) {
	skip := skipNonBundle
	if !tests {
		skip = func(abspath string, info fs.FileInfo, depth int) bool {
			return skipNonBundle(abspath, info, depth) || strings.HasSuffix(info.Name(), "_test.rego")
		}
	}
	b := &Bundle{Modules: map[string]*ast.Module{}, Documents: map[string]any{}, Contents: map[provenance.File][]byte{}}
	ordered := slices.Clone(origins)
	slices.SortStableFunc(ordered, func(x, y Origin) int {
		return cmpBool(y.Name == OriginBuiltin, x.Name == OriginBuiltin)
	})
	r := newReserved()
	for _, o := range ordered {
		res, err := loader.NewFileLoader().WithFS(o.FS).WithRegoVersion(ast.RegoV1).
			WithProcessAnnotation(true).Filtered([]string{"."}, skip)
		if err != nil {
			if o.Name == OriginBuiltin {
				return nil, fmt.Errorf("load built-in policies: %w", oneLine(err))
			}
			return nil, fmt.Errorf("load policy %s: %w", o.Name, oneLine(err))
		}
		files, err := bundleFiles(o.FS, skip)
		if err != nil {
			return nil, fmt.Errorf("load policy %s: %w", o.Name, err)
		}
		// A user origin is checked before it is merged, so that the
		// error names its file rather than a merge conflict.
		if o.Name == OriginBuiltin {
			r.addBuiltin(res)
		} else {
			if err := r.checkModules(o.Name, res); err != nil {
				return nil, err
			}
			var data []string
			for _, f := range files {
				if filepath.Ext(f) != ".rego" {
					data = append(data, f)
				}
			}
			if err := r.checkData(o.Name, o.FS, data); err != nil {
				return nil, err
			}
		}
		if err := b.add(o.Name, res, o.FS, files); err != nil {
			return nil, err
		}
	}
	sort.Slice(b.Files, func(i, j int) bool {
		if b.Files[i].Origin != b.Files[j].Origin {
			return b.Files[i].Origin < b.Files[j].Origin
		}
		return b.Files[i].Path < b.Files[j].Path
	})
	return b, nil
}

// Profiles are the obligation profiles the bundle defines
// (data.bangate.profiles), sorted: the one source of truth for which
// profiles exist.
func (b *Bundle) Profiles() []string {
	bg, _ := b.Documents["bangate"].(map[string]any)
	ps, _ := bg["profiles"].(map[string]any)
	return slices.Sorted(maps.Keys(ps))
}

// skipNonBundle keeps .rego, .json and .yaml/.yml files; README files,
// Go sources and anything hidden are not part of the bundle.
func skipNonBundle(abspath string, info fs.FileInfo, depth int) bool {
	name := info.Name()
	if strings.HasPrefix(name, ".") && name != "." && depth > 0 {
		return true
	}
	if info.IsDir() {
		return false
	}
	switch filepath.Ext(name) {
	case ".rego", ".json", ".yaml", ".yml":
		return false
	}
	return true
}

// cmpBool orders false before true.
func cmpBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	default:
		return -1
	}
}

// add merges an origin's loaded modules and documents into b and keeps the
// bytes and digest of each of its files.
func (b *Bundle) add(origin string, res *loader.Result, fsys fs.FS, files []string) error {
	for _, name := range slices.Sorted(maps.Keys(res.Modules)) {
		key := origin + ":" + name
		if _, dup := b.Modules[key]; dup {
			return fmt.Errorf("load policy %s: module %s given twice", origin, name)
		}
		b.Modules[key] = res.Modules[name].Parsed
	}
	if err := mergeDocs(b.Documents, res.Documents, ""); err != nil {
		return fmt.Errorf("load policy %s: %w", origin, err)
	}
	for _, path := range files {
		data, err := fs.ReadFile(fsys, path)
		if err != nil {
			return fmt.Errorf("read policy %s: %w", path, err)
		}
		sum := sha256.Sum256(data)
		f := provenance.File{Origin: origin, Path: path, SHA256: hex.EncodeToString(sum[:])}
		b.Files = append(b.Files, f)
		b.Contents[f] = data
	}
	return nil
}

// bundleFiles lists the paths of the files of fsys that skip keeps.
func bundleFiles(fsys fs.FS, skip loader.Filter) ([]string, error) {
	var files []string
	err := fs.WalkDir(fsys, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		switch {
		case d.IsDir() && path != "." && skip(path, info, 1):
			return fs.SkipDir // as the loader skips it
		case !d.IsDir() && !skip(path, info, 1):
			files = append(files, path)
		}
		return nil
	})
	return files, err
}

// Digest is one sha256 over every file's origin, path and digest, in order.
func (b *Bundle) Digest() string { return provenance.BundleDigest(b.Files) }

// mergeDocs merges src into dst; a key set twice to a non-object is an error.
func mergeDocs(dst, src map[string]any, at string) error {
	for k, v := range src {
		path := at + "/" + k
		old, ok := dst[k]
		if !ok {
			dst[k] = v
			continue
		}
		om, ok1 := old.(map[string]any)
		nm, ok2 := v.(map[string]any)
		if !ok1 || !ok2 {
			return fmt.Errorf("data %s is set twice", path)
		}
		if err := mergeDocs(om, nm, path); err != nil {
			return err
		}
	}
	return nil
}

// oneLine folds a multi-line loader or compiler error into one line.
func oneLine(err error) error {
	if err == nil {
		return nil
	}
	return errors.New(strings.Join(strings.Fields(err.Error()), " "))
}
