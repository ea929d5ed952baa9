package io.diffusim.bench;

import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The reference run of docs/architecture.md §6: an n x n x n matrix product into a preallocated result, float32 (sgemm)
 * and float64 (dgemm); {@link Report} turns mmul/s into GFLOP/s = 2 n^3 mmul/s / 1e9.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class SgemmBench {

    @Param({"FLOAT", "DOUBLE"})
    public DataType dtype;

    @Param({"1024"})
    public int n;

    private INDArray left;
    private INDArray right;
    private INDArray product;

    @Setup(Level.Trial)
    public void setUp() {
        BenchData.configureNd4j();
        left = Nd4j.rand(dtype, n, n);
        right = Nd4j.rand(dtype, n, n);
        product = Nd4j.create(dtype, n, n);
    }

    @Benchmark
    public INDArray mmul() {
        return left.mmuli(right, product);
    }
}
