package check

// RunOptions tune one run of a session; the zero value is what Run does.
type RunOptions struct {
	// Progress, when set, is called each time an input enters a stage,
	// on the goroutine that called RunWith; it must return quickly and
	// must not call the session. A front end draws a progress line with
	// it (the CLI does so on a terminal, for checks that take more than a
	// second).
	Progress func(Progress)
	// NoLookups says that the caller reads no InputRun.Lookups (a check
	// that builds no monitor subject): the run then neither records nor
	// caches the look-ups of web addresses on shared hosts, nearly all
	// distinct (one per repository), and InputRun.Lookups is empty.
	NoLookups bool
}

// Progress says where a run is: which input, and the stage it enters.
type Progress struct {
	// Input is the index of the input in the inputs given, Inputs their
	// number.
	Input, Inputs int
	// Path names the input.
	Path string
	// Kind is the input's kind (KindSBOM or KindProcurement) once it is
	// parsed.
	Kind string
	// Stage is the stage the input enters: StageParse (when it was not
	// parsed ahead), StageScreen, StageEvaluate, ProgressLocate (placing
	// the findings in the file), or ProgressDone.
	Stage string
	// Components is the number of components (an SBOM) or vendor records
	// (a procurement file) parsed; 0 before then.
	Components int
	// Findings is the number of findings the policies returned; 0 before
	// then.
	Findings int
}

// Progress stages besides the Stage constants an input can fail at.
const (
	// ProgressLocate is the stage that places each finding's field in
	// the input file (its line and column).
	ProgressLocate = "locate"
	// ProgressDone says the input is decided.
	ProgressDone = "done"
)

// progress reports the stages of one input.
type progress struct {
	fn func(Progress)
	at Progress
}

func (p *progress) stage(s string) {
	if p.fn == nil {
		return
	}
	p.at.Stage = s
	p.fn(p.at)
}
