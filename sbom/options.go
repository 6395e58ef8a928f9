package sbom

// Default limits applied when the corresponding Options field is zero.
const (
	// DefaultMaxDepth is the default limit on syntactic nesting (JSON
	// arrays and objects, XML elements). Nested CycloneDX components use
	// two levels each, so this allows about 60 levels of components.
	DefaultMaxDepth = 128
	// DefaultMaxComponents is the default limit on components (nested ones
	// included).
	DefaultMaxComponents = 2_000_000
)

// Options control Decode.
type Options struct {
	// Name is used in error messages, usually the file name. It is never
	// used to guess the format: detection is by content only.
	Name string
	// MaxDepth limits syntactic nesting; 0 means DefaultMaxDepth. Deeper
	// input fails with ErrTooDeep before it is parsed.
	MaxDepth int
	// MaxComponents limits the number of components (nested ones
	// included); 0 means DefaultMaxComponents. More fail with
	// ErrTooManyComponents.
	MaxComponents int
	// NoDependencies leaves Document.Dependencies nil: the dependency
	// graph is still read and checked, not kept (a CycloneDX document's
	// is dropped as soon as it is read).
	NoDependencies bool

	// nest counts the wrappers (in-toto statement, DSSE envelope, ...)
	// already opened around the document being read.
	nest int
	// fullDecoder turns the streaming CycloneDX JSON decoder off, so that
	// tests can compare it with encoding/json.
	fullDecoder bool
}

// maxDepth returns the effective depth limit.
func (o Options) maxDepth() int {
	if o.MaxDepth > 0 {
		return o.MaxDepth
	}
	return DefaultMaxDepth
}

// maxComponents returns the effective component limit.
func (o Options) maxComponents() int {
	if o.MaxComponents > 0 {
		return o.MaxComponents
	}
	return DefaultMaxComponents
}
