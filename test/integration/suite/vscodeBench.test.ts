// The VS Code bench (test/integration/bench): it registers its suite only when bench/vscode/run.mjs sets IW_BENCH_VSCODE, so no figure is a test.
import '../bench/vscodeBench';
