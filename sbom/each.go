package sbom

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Sink receives the components of a document from DecodeEach, in batches,
// instead of Document.Components holding them all at once.
type Sink interface {
	// Batch receives the components of batch seq. The batches in
	// ascending seq are Document.Components, in file order; a seq may be
	// skipped, and batches arrive in any order. Batch is called from
	// several goroutines at once, worker naming the caller: two calls
	// with the same worker never overlap. comps is the sink's to keep.
	// An error stops the decode, and DecodeEach returns it as it is.
	Batch(worker, seq int, comps []Component) error
	// Reset drops every batch received: the document is decoded again
	// from the start (the streaming decoder met something only the full
	// decoder reads), and its batches come again.
	Reset()
}

// sinkHalfFrom is the component count from which DecodeEach hands a
// document decoded whole to the sink in two halves at once.
const sinkHalfFrom = 2048

// DecodeEach is Decode that hands the document's components to sink
// instead of keeping them: the Document it returns has no Components, and
// n counts them. A CycloneDX JSON document with thousands of top-level
// components is decoded, converted and handed over range by range on up
// to runtime.GOMAXPROCS goroutines, so that neither the cyclonedx-go
// values nor the converted components of the whole document are held at
// once; the batches are those Decode would give, and so are the Document,
// its warnings and its errors. Any other document is decoded whole and
// its components handed over in one or two batches. A sink that is a
// PlacesSink is told where the top-level components of a document read
// range by range are in data.
func DecodeEach(data []byte, opts Options, sink Sink) (doc *Document, n int, err error) {
	var s sniffed
	defer func() {
		if r := recover(); r != nil {
			doc, n, err = nil, 0, parserFailed(opts.Name, &s, r)
		}
	}()
	if s, err = sniffChecked(data, opts); err != nil {
		return nil, 0, err
	}
	if s.format == FormatCycloneDXJSON && s.wrap == nil && !opts.fullDecoder && opts.maxDepth() <= jsonMaxNesting {
		doc, n, ok, err := streamEach(s, opts, sink, splitMin, runtime.GOMAXPROCS(0))
		if err != nil || ok {
			if err != nil {
				err = finishError(err, &s)
			} else if ps, isPS := sink.(PlacesSink); isPS {
				if p := componentPlaces(data, &s); p != nil {
					ps.Places(p)
				}
			}
			return doc, n, err
		}
		sink.Reset()
	}
	if doc, err = decodeWhole(s, opts); err != nil {
		return nil, 0, err
	}
	comps := doc.Components
	doc.Components = nil
	if opts.NoDependencies {
		doc.Dependencies = nil
	}
	if len(comps) < sinkHalfFrom {
		return doc, len(comps), sink.Batch(0, 0, comps)
	}
	half := len(comps) / 2
	var (
		wg   sync.WaitGroup
		err1 error
	)
	wg.Go(func() { err1 = sink.Batch(1, 1, comps[half:]) })
	err = sink.Batch(0, 0, comps[:half:half])
	wg.Wait()
	if err == nil {
		err = err1
	}
	return doc, len(comps), err
}

// streamEach decodes a CycloneDX JSON text range by range into sink
// (streamSplit); ok is false, with no error, when the text needs the full
// decoder (or is too small to split), and the caller then decodes it
// whole. The components that are not top-level (those metadata.component
// holds, the services, tools and formulation) go to the sink too, those
// before the top-level ones as batch 0 and the others after the last
// range.
func streamEach(s sniffed, opts Options, sink Sink, threshold, workers int) (doc *Document, n int, ok bool, err error) {
	us := &unreadSink{Sink: sink, unread: s.unread, placed: make([]atomic.Bool, len(s.unread))}
	defer func() {
		if err == nil && ok {
			us.rest(doc)
		}
	}()
	sink = us
	bom, pre, ok, err := streamSplit(s.body, &s.json.comps, threshold, workers, opts, sink)
	if err != nil || !ok {
		return nil, 0, false, err
	}
	pre.sunk = true
	parts := pre.parts
	doc, err = convertCycloneDX(bom, pre, s, opts, locator{})
	if err != nil {
		return nil, 0, true, err
	}
	rest := doc.Components
	doc.Components = nil
	n = len(rest) + sumConverted(parts)
	if pre.at > 0 {
		if err := sink.Batch(0, 0, rest[:pre.at:pre.at]); err != nil {
			return nil, 0, true, err
		}
	}
	if len(rest) > pre.at {
		if err := sink.Batch(0, len(parts)+1, rest[pre.at:]); err != nil {
			return nil, 0, true, err
		}
	}
	return doc, n, true, nil
}
