// libFuzzer target for the recfile reader, compiled together with CasefileCore's
// sources by scripts/fuzz.sh (one module, so internal API is in reach).
//
// Properties, each a crash when broken so libFuzzer keeps the input:
// - reading any bytes never traps (no `!`, index out of range, overflow);
// - whatever it accepts, the writer writes canonically, and that text reads back to a
//   case that writes the very same bytes (saving an unchanged file is byte for byte).

@_cdecl("LLVMFuzzerTestOneInput")
public func readerFuzzInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    guard let loaded = try? CaseReader.read(bytes: bytes, file: "fuzz", validate: true) else { return 0 }
    let written = CaseWriter.bytes(of: loaded.caseFile)
    let again: LoadResult
    do {
        again = try written.withUnsafeBufferPointer { try CaseReader.read(bytes: $0, file: "rewritten", validate: true) }
    } catch {
        fatalError("the canonical text of an accepted file does not read back: \(error)")
    }
    let rewritten = CaseWriter.bytes(of: again.caseFile)
    if rewritten != written {
        fatalError("writing is not stable: \(written.count) bytes, then \(rewritten.count)")
    }
    return 0
}
