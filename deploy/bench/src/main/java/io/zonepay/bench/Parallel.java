package io.zonepay.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** A benchmark's set-up calls, made sixteen at a time. */
public final class Parallel {

	private static final int THREADS = 16;

	private Parallel() {
	}

	/** Runs n numbered tasks on 16 threads; answers their results in order. */
	public static <T> List<T> run(int n, Indexed<T> task) throws Exception {
		try (ExecutorService threads = Executors.newFixedThreadPool(THREADS)) {
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				int index = i;
				futures.add(threads.submit((Callable<T>) () -> task.run(index)));
			}
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get());
			}
			return results;
		}
	}

	/** A task that knows its number. */
	@FunctionalInterface
	public interface Indexed<T> {

		T run(int index) throws Exception;

	}

}
