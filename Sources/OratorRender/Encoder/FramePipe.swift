import Foundation
import Synchronization
import SystemPackage

#if canImport(Glibc)
  import Glibc
#endif

/// The pipe raw frames reach ffmpeg through, made here rather than by Subprocess so that it
/// can hold a megabyte instead of the kernel's default 64 KiB. With the default, ffmpeg waits
/// on the pipe some fifty times per 1080p frame and its encoder threads starve: measured on a
/// 2-core machine, 49.5 s of 1080p video took 8.9 s to encode fed through a default pipe,
/// 6.6 s through a 1 MiB pipe read a whole frame at a time (`-blocksize`), and 6.4 s read
/// from a file.
final class FramePipe: Sendable {
  /// The end ffmpeg reads, handed to it as its standard input.
  let readEnd: FileDescriptor
  private let writeEnd: FileDescriptor
  /// Writes block until ffmpeg has read, so they run here rather than on the task pool.
  private let queue = DispatchQueue(label: "orator.frame-pipe")

  /// The most a pipe is grown to; Linux allows 1 MiB to anyone (`/proc/sys/fs/pipe-max-size`).
  static let capacity: Int32 = 1 << 20

  private let closed = Mutex(false)

  /// A write to a pipe whose reader is gone raises SIGPIPE, which would end the whole process;
  /// ignored, the write fails with EPIPE instead and the render fails alone.
  private static let brokenPipesFail: Void = { _ = signal(SIGPIPE, SIG_IGN) }()

  /// `F_SETPIPE_SZ`, which Glibc's module leaves out (it needs `_GNU_SOURCE`).
  private static let setPipeSize: Int32 = 1031

  init() throws {
    Self.brokenPipesFail
    let (read, write) = try FileDescriptor.pipe()
    readEnd = read
    writeEnd = write
    // The write end must reach no child, or ffmpeg would never see the end of its input.
    _ = fcntl(write.rawValue, F_SETFD, FD_CLOEXEC)
    _ = fcntl(read.rawValue, F_SETFD, FD_CLOEXEC)
    #if os(Linux)
      // A smaller pipe still works, only slower: a refusal is not an error.
      _ = fcntl(write.rawValue, Self.setPipeSize, Self.capacity)
    #endif
  }

  /// Writes all of `bytes`, waiting while the pipe is full. Throws when ffmpeg has gone (its
  /// end is closed), so a render whose encoder died stops instead of hanging.
  func write(_ bytes: [UInt8]) async throws {
    try await withCheckedThrowingContinuation { (done: CheckedContinuation<Void, any Error>) in
      queue.async { [writeEnd] in
        do {
          try bytes.withUnsafeBytes { buffer in
            _ = try writeEnd.writeAll(buffer)
          }
          done.resume()
        } catch {
          done.resume(throwing: error)
        }
      }
    }
  }

  /// Ends ffmpeg's input. Safe to call more than once: the descriptor is closed only once, so
  /// a number the system has since given to another file is never closed by mistake.
  func finish() async {
    await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
      queue.async { [self] in
        let first = closed.withLock { wasClosed in
          defer { wasClosed = true }
          return !wasClosed
        }
        if first { try? writeEnd.close() }
        done.resume()
      }
    }
  }
}
