import ReproCLI
import ReproNN

// Before any BLAS call: OpenBLAS's idle workers sleep within a millisecond instead of spinning
// for 0.1 s through the trainer's own parallel passes (see BLASIdleThreads).
BLASIdleThreads.shortenSpin()
Repro.main()
