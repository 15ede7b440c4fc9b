import Foundation
import HeyGenAPI
import OratorKit
import Synchronization
import Testing

/// OratorKit against a real `orator serve`: every call a user makes, the errors they see,
/// retries on a real 429, downloads and webhook signatures.
@Suite(.serialized) struct SDKTests {
  /// A one-avatar request in one of v3's frame sizes goes through `POST /v3/videos`; one v3
  /// cannot say (320×180, two scenes) through v2. Both render what was asked.
  @Test func generateSpeaksV3WhenV3CanSayTheRequest() async throws {
    try await TestServer.with { server in
      let client = server.client()
      var simple = SDKRequest.hello("Through version three.")
      simple.dimension = HeyGenAPI.Dimension(width: 1280, height: 720)
      simple.videoInputs[0].character = .avatar(
        AvatarCharacter(avatarId: VideoRequest.avatarID, avatarStyle: .closeUp))
      simple.caption = true
      let v3 = try await client.videos.generate(simple)
      let small = try await client.videos.generate(SDKRequest.hello("Through version two."))

      let posts = server.log.split(separator: "\n").filter {
        $0.contains("method=POST") || $0.contains("\"method\": \"POST\"")
          || $0.contains("method: POST")
      }
      #expect(posts.contains { $0.contains("/v3/videos") }, "\(posts)")
      #expect(posts.contains { $0.contains("/v2/video/generate") }, "\(posts)")

      let done = try await client.waitForVideo(id: v3)
      #expect(done.duration ?? 0 > 0.5 && done.videoUrlCaption != nil, "captions asked: \(done)")
      let file = try await server.download(try #require(done.videoUrl), as: "sdk-v3.mp4")
      let probe = try await MediaProbe(path: file)
      #expect(probe.width == 1280 && probe.height == 720, "\(probe)")
      let other = try await client.waitForVideo(id: small)
      let smallFile = try await server.download(try #require(other.videoUrl), as: "sdk-v2.mp4")
      #expect(try await MediaProbe(path: smallFile).width == 320)
    }
  }

  /// Several scenes v3 can say (presenters over colours, at one of v3's frame sizes) go as
  /// one `type: "studio"` body; a text overlay, which v3 has no field for, keeps a request on
  /// v2.
  @Test func severalScenesSpeakV3AsAStudioVideo() async throws {
    try await TestServer.with { server in
      let client = server.client()
      var scenes = SDKRequest.hello("First scene.")
      scenes.dimension = HeyGenAPI.Dimension(width: 1280, height: 720)
      scenes.caption = true
      var second = scenes.videoInputs[0]
      second.voice = .text(TextVoice(voiceId: VideoRequest.voiceID, inputText: "Second scene."))
      second.background = .color("#203040")
      scenes.videoInputs.append(second)
      let studio = try await client.videos.generate(scenes)
      #expect(server.requests("POST").contains { $0.contains("/v3/videos") })
      #expect(!server.requests("POST").contains { $0.contains("/v2/video/generate") })

      var overlaid = scenes
      overlaid.videoInputs[0].text = TextOverlay(text: "Hello")
      _ = try await client.videos.generate(overlaid)
      #expect(server.requests("POST").contains { $0.contains("/v2/video/generate") })

      let done = try await client.waitForVideo(id: studio, timeout: .seconds(300))
      let captions = try await server.get(try #require(done.captionUrl), key: nil)
      #expect(
        captions.text.contains("First scene") && captions.text.contains("Second scene"),
        "both scenes spoken: \(captions.text)")
      let file = try await server.download(try #require(done.videoUrl), as: "sdk-studio.mp4")
      let probe = try await MediaProbe(path: file)
      #expect(probe.width == 1280 && probe.height == 720, "\(probe)")

      // A picture shown whole for a set time, then a clip played whole: studio's image and
      // video scenes, their sources uploaded assets.
      let thumbnail = try await server.get(try #require(done.thumbnailUrl), key: nil)
      let picture = try await client.assets.upload(
        thumbnail.body, contentType: "image/jpeg")
      let clip = try await client.assets.upload(file: URL(fileURLWithPath: file))
      var slides = scenes
      slides.caption = nil
      slides.videoInputs = [
        VideoInput(
          voice: .silence(SilenceVoice(duration: 1)),
          background: .image(ImageBackground(imageAssetId: picture.id, fit: .contain))),
        VideoInput(
          voice: .silence(SilenceVoice()),
          background: .video(
            VideoBackground(videoAssetId: clip.id, playStyle: .fullVideo, fit: .contain))),
      ]
      let before = server.requests("POST").filter { $0.contains("/v2/video/generate") }.count
      let shown = try await client.waitForVideo(
        id: try await client.videos.generate(slides), timeout: .seconds(300))
      #expect(server.requests("POST").filter { $0.contains("/v2/video/generate") }.count == before)
      let length = try #require(shown.duration)
      #expect(abs(length - (1 + (done.duration ?? 0))) < 0.6, "\(shown)")
      // A v2 background clip is silent unless it names a `sound_volume`; through v3 the SDK
      // says so with `playback`, as v3 plays a clip's sound by default.
      let silent = try await server.download(try #require(shown.videoUrl), as: "sdk-slides.mp4")
      #expect(try await V3VideoTests.meanVolume(silent) < -80)
      slides.videoInputs = [
        VideoInput(
          voice: .silence(SilenceVoice()),
          background: .video(
            VideoBackground(
              videoAssetId: clip.id, playStyle: .fullVideo, fit: .contain, soundVolume: 1)))
      ]
      let heard = try await client.waitForVideo(
        id: try await client.videos.generate(slides), timeout: .seconds(300))
      let sounding = try await server.download(try #require(heard.videoUrl), as: "sdk-clip.mp4")
      #expect(try await V3VideoTests.meanVolume(sounding) > -45)
      #expect(server.requests("POST").filter { $0.contains("/v2/video/generate") }.count == before)
    }
  }

  @Test func catalogueCallsReturnDomainValues() async throws {
    try await TestServer.with(workers: 0) { server in
      let client = server.client()
      let avatars = try await client.avatars.list()
      #expect(avatars.contains { $0.avatarId == VideoRequest.avatarID && $0.gender == "female" })
      let details = try await client.avatars.details(id: VideoRequest.avatarID)
      #expect(details.id == VideoRequest.avatarID && details.previewImageUrl.hasPrefix("http"))
      #expect(details.defaultVoiceId != nil && details.isPublic)
      let groups = try await client.avatars.groups()
      let group = try #require(groups.first)
      #expect(group.groupType == "PUBLIC")
      let looks = try await client.avatars.looks(groupID: group.id)
      #expect(looks.count == group.numLooks && looks.allSatisfy { $0.groupId == group.id })
      #expect(try await client.avatars.listing().talkingPhotos.isEmpty)
      // A talking photo is a private photo_avatar look in v3: the SDK lists it as a talking
      // photo, in a PRIVATE group of its own.
      let created = try await HeyGenCLIClient(server: server).post(
        "/v3/avatars",
        json: [
          "type": "photo", "name": "Eileen",
          "file": [
            "type": "base64", "media_type": "image/jpeg",
            "data": try V3TalkingPhotoTests.base64("astronaut.jpg"),
          ],
        ])
      let photoID = try #require(
        created.json["data"]["avatar_item"]["id"].string, "\(created.text)")
      let withPhoto = try await client.avatars.listing()
      #expect(withPhoto.talkingPhotos.map(\.talkingPhotoId) == [photoID])
      #expect(withPhoto.talkingPhotos.first?.talkingPhotoName == "Eileen")
      #expect(!withPhoto.avatars.contains { $0.avatarId == photoID })
      let privateGroup = try #require(try await client.avatars.groups().last)
      #expect(privateGroup.groupType == "PRIVATE" && privateGroup.id == photoID)
      #expect(try await client.avatars.looks(groupID: photoID).map(\.avatar.avatarId) == [photoID])
      #expect(try await client.avatars.details(id: photoID).isPublic == false)

      // A talking photo named by its id is its look in v3: alone (type avatar) or among
      // scenes (type studio), nothing goes to v2.
      var photoVideo = SDKRequest.hello("From a photo.")
      photoVideo.dimension = HeyGenAPI.Dimension(width: 1280, height: 720)
      photoVideo.videoInputs[0].character = .talkingPhoto(
        TalkingPhotoCharacter(talkingPhotoId: photoID))
      let alone = try await client.videos.generate(photoVideo)
      photoVideo.videoInputs.append(photoVideo.videoInputs[0])
      let scenes = try await client.videos.generate(photoVideo)
      #expect(alone != scenes)
      let posts = server.requests("POST")
      #expect(posts.filter { $0.contains("/v3/videos") }.count == 2, "\(posts)")
      #expect(!posts.contains { $0.contains("/v2/video/generate") }, "\(posts)")
      // Every presenter call went through v3.
      let avatarCalls = server.requests("GET").filter { $0.contains("/avatar") }
      #expect(!avatarCalls.isEmpty && avatarCalls.allSatisfy { $0.contains("/v3/avatars") })

      let english = try await client.voices.list(language: "English", gender: "female")
      #expect(english.contains { $0.voiceId == VideoRequest.voiceID })
      #expect(english.allSatisfy { $0.language == "English" && $0.gender == "female" })
      #expect(try await client.voices.list().count > english.count)

      let quota = try await client.account.remainingQuota()
      #expect(quota.remainingQuota > 0 && quota.details.api == quota.remainingQuota)
    }
  }

  @Test func generateWaitDownloadListShareDelete() async throws {
    let folder = try scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try await TestServer.with { server in
      let client = server.client()
      let id = try await client.videos.generate(SDKRequest.hello())
      #expect(id.rawValue.count == 32)

      let seen = Seen()
      let video = try await client.waitForVideo(id: id, timeout: .seconds(180)) {
        seen.add($0.status)
      }
      #expect(video.state == .completed && video.videoUrl?.hasPrefix("http") == true)
      #expect(seen.states.last == "completed")

      let file = folder.appendingPathComponent("hello.mp4")
      let result = try await client.download(video, to: file)
      #expect(result.resumedFrom == 0 && result.bytesWritten == result.totalBytes)
      let probe = try await MediaProbe(path: file.path)
      #expect(probe.videoCodec == "h264" && probe.audioCodec == "aac" && probe.width == 320)

      let page = try await client.videos.list(limit: 10)
      #expect(page.videos.contains { $0.videoId == id.rawValue && $0.status == "completed" })
      let share = try await client.videos.share(id: id)
      #expect(share.absoluteString == server.baseURL + "/share/" + id.rawValue)

      try await client.videos.delete(id: id)
      let gone = await #expect(throws: HeyGenError.self) { try await client.video(id: id) }
      // Read through v3, so the code is v3's.
      #expect(gone?.isNotFound == true && gone?.code == "video_not_found" && gone?.kind == .api)
    }
  }

  @Test func downloadResumesFromAPartialFile() async throws {
    let folder = try scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try await TestServer.with { server in
      let client = server.client()
      let (video, bytes) = try await finishedVideo(client, downloadedInto: folder)
      try #require(bytes.count > 1000)

      // An interrupted download leaves its first half in `<file>.part`.
      let resumed = folder.appendingPathComponent("resumed.mp4")
      let half = bytes.count / 2
      try bytes.prefix(half).write(to: resumed.appendingPathExtension("part"))
      let reports = Seen()
      let result = try await client.download(video, to: resumed) {
        reports.add("\($0.bytesWritten)")
      }
      #expect(result.resumedFrom == Int64(half) && result.bytesWritten == Int64(bytes.count))
      #expect(reports.states.first == String(half))
      #expect(try Data(contentsOf: resumed) == bytes)
      #expect(!FileManager.default.fileExists(atPath: resumed.path + ".part"))
    }
  }

  @Test func wrongKeyAndUnknownIDsAreTypedErrors() async throws {
    try await TestServer.with(workers: 0) { server in
      let stranger = server.client(key: "not-a-key")
      let refused = await #expect(throws: HeyGenError.self) { try await stranger.avatars.list() }
      #expect(refused?.status == 401 && refused?.code == "unauthorized")
      #expect(refused?.isUnauthorized == true)

      let client = server.client()
      let missing = String(repeating: "0", count: 32)
      let video = await #expect(throws: HeyGenError.self) {
        try await client.videos.status(id: VideoID(missing))
      }
      #expect(video?.status == 404 && video?.message.contains(missing) == true)
      let avatar = await #expect(throws: HeyGenError.self) {
        try await client.avatars.details(id: "nobody")
      }
      // Read through v3, so the code is v3's.
      #expect(avatar?.status == 404 && avatar?.isNotFound == true, "\(String(describing: avatar))")
      let template = await #expect(throws: HeyGenError.self) {
        try await client.templates.generate(id: missing)
      }
      #expect(template?.status == 404 && template?.code == "not_found")

      var bad = SDKRequest.hello()
      bad.videoInputs[0].voice = .text(TextVoice(voiceId: "no-such-voice", inputText: "Hi"))
      let invalid = await #expect(throws: HeyGenError.self) {
        try await client.videos.generate(bad)
      }
      #expect(invalid?.status == 400 && invalid?.code == "invalid_parameter")
      #expect(invalid?.message.contains("voice_id") == true)
    }
  }

  @Test func unreachableServerIsReported() async throws {
    let port = try TestServer.freePort()
    let client = HeyGenClient(
      baseURL: URL(string: "http://127.0.0.1:\(port)")!, apiKey: "k",
      retry: RetryPolicy(maxAttempts: 2, initialDelay: .milliseconds(10)))
    let error = await #expect(throws: HeyGenError.self) { try await client.avatars.list() }
    #expect(error?.kind == .unreachable && error?.status == nil)
  }

  /// The server allows one active render; a second generate is answered 429 with
  /// `Retry-After: 5`, which the client waits out and then succeeds.
  @Test func rateLimitedGenerateIsRetriedAfterRetryAfter() async throws {
    try await TestServer.with(arguments: ["--max-active-renders", "1"]) { server in
      let first = try await server.client().videos.generate(SDKRequest.hello("One moment."))

      let once = server.client(retry: .never)
      let refused = await #expect(throws: HeyGenError.self) {
        try await once.videos.generate(SDKRequest.hello())
      }
      #expect(refused?.status == 429 && refused?.code == "rate_limited")
      #expect(refused?.retryAfter == .seconds(5))

      let patient = server.client(retry: RetryPolicy(maxAttempts: 6))
      let started = ContinuousClock.now
      let second = try await patient.videos.generate(SDKRequest.hello("Second."))
      #expect(ContinuousClock.now - started >= .seconds(4.5))
      #expect(second != first)
      let done = try await patient.waitForVideo(id: second, timeout: .seconds(180))
      #expect(done.state == .completed)
    }
  }

  @Test func failedRenderIsATypedError() async throws {
    try await TestServer.with { server in
      let client = server.client()
      var request = SDKRequest.hello()
      // The server's own unknown path answers 404, so the audio cannot be fetched.
      request.videoInputs[0].voice = .audio(
        AudioVoice(audioUrl: server.baseURL + "/missing/voice.mp3"))
      let id = try await client.videos.generate(request)
      let failure = await #expect(throws: HeyGenError.self) {
        try await client.waitForVideo(id: id, timeout: .seconds(120))
      }
      #expect(failure?.kind == .renderFailed && failure?.code != nil)
      #expect(failure?.message.isEmpty == false)
    }
  }

  @Test func webhookSignaturesFromTheServerVerify() async throws {
    let receiver = try await WebhookReceiver()
    defer { Task { await receiver.stop() } }
    try await TestServer.with(arguments: ["--webhook-first-retry-seconds", "1"]) { server in
      let client = server.client()
      let endpoint = try await client.webhooks.add(
        url: receiver.baseURL + "/events", events: ["avatar_video.success"])
      let secret = endpoint.secret
      #expect(endpoint.status == "enabled" && endpoint.events == ["avatar_video.success"])
      // v3 lists show no secret: it is shown on create and rotate only.
      let listed = try await client.webhooks.list()
      #expect(listed.map(\.endpointId) == [endpoint.endpointId] && listed.first?.secret == "")
      #expect(try await client.webhooks.eventTypes().contains("avatar_video.fail"))
      #expect(try await !client.webhooks.eventTypes().contains("batch.finished"))
      _ = try await client.waitForVideo(id: try await client.videos.generate(SDKRequest.hello()))
      let event = try #require(try await receiver.wait(for: 1, path: "events").first)
      let signature = try #require(event.signature)

      let verifier = WebhookVerifier(secret: secret)
      #expect(verifier.isValid(body: event.body, signature: signature))
      #expect(verifier.isValid(body: event.body, signature: signature.uppercased()))
      #expect(verifier.signature(for: event.body) == signature)
      var tampered = event.body
      tampered[tampered.startIndex] ^= 0x20
      #expect(!verifier.isValid(body: tampered, signature: signature))
      #expect(
        !WebhookVerifier(secret: secret + "x").isValid(body: event.body, signature: signature))
      #expect(!verifier.isValid(body: event.body, signature: String(signature.dropLast(2))))
      #expect(!verifier.isValid(body: event.body, signature: "zz" + signature.dropFirst(2)))

      // The server records the attempt once the receiver has answered.
      var deliveries = try await client.webhooks.deliveries(endpointID: endpoint.endpointId)
      for _ in 0..<50 where deliveries.first?.status != "delivered" {
        try await Task.sleep(for: .milliseconds(100))
        deliveries = try await client.webhooks.deliveries(endpointID: endpoint.endpointId)
      }
      #expect(deliveries.first?.status == "delivered" && deliveries.first?.attempts.count == 1)
      let paused = try await client.webhooks.update(id: endpoint.endpointId, status: "disabled")
      #expect(paused.status == "disabled" && paused.events == ["avatar_video.success"])
      let narrowed = try await client.webhooks.update(
        id: endpoint.endpointId, events: .only(["avatar_video.fail"]))
      #expect(narrowed.events == ["avatar_video.fail"] && narrowed.status == "disabled")
      // An explicit null: every event again.
      let widened = try await client.webhooks.update(id: endpoint.endpointId, events: .every)
      #expect(widened.events == nil && widened.status == "disabled")
      #expect(try await client.webhooks.list().first?.events == nil)
      // A new secret, through v3; an unknown endpoint is a typed not-found.
      let rotated = try await client.webhooks.rotateSecret(id: endpoint.endpointId)
      #expect(rotated != secret && rotated.hasPrefix("whsec_"))
      let noSuch = await #expect(throws: HeyGenError.self) {
        try await client.webhooks.rotateSecret(id: String(repeating: "0", count: 32))
      }
      #expect(noSuch?.isNotFound == true && noSuch?.code == "not_found")
      try await client.webhooks.delete(id: endpoint.endpointId)
      #expect(try await client.webhooks.list().isEmpty)
      let gone = await #expect(throws: HeyGenError.self) {
        try await client.webhooks.delete(id: endpoint.endpointId)
      }
      #expect(gone?.isNotFound == true)
      // Any of HeyGen's event names is taken; a typo is refused naming the field.
      let other = try await client.webhooks.add(
        url: receiver.baseURL + "/other", events: ["personalized_video", "batch.finished"])
      #expect(other.events == ["personalized_video", "batch.finished"])
      let typo = await #expect(throws: HeyGenError.self) {
        try await client.webhooks.update(id: other.endpointId, events: ["batch.done"])
      }
      #expect(typo?.status == 400 && typo?.message.contains("batch.done") == true)
      // Everything but the per-attempt delivery log went through v3.
      let webhookCalls = server.requests.filter { $0.contains("/webhook") }
      #expect(
        webhookCalls.allSatisfy { $0.contains("/v3/webhooks/") || $0.contains("delivery.list") },
        "\(webhookCalls)")
    }
  }

  /// v3 lists come a page at a time (100 at most); the SDK follows `next_token` to the end.
  @Test func listsFollowEveryPage() async throws {
    let receiver = try await WebhookReceiver()
    defer { Task { await receiver.stop() } }
    try await TestServer.with(workers: 0) { server in
      let client = server.client()
      for index in 0..<101 {
        _ = try await WebhookTests().addEndpoint(server, url: receiver.baseURL + "/r\(index)")
      }
      let endpoints = try await client.webhooks.list()
      #expect(endpoints.count == 101 && Set(endpoints.map(\.endpointId)).count == 101)
      let pages = server.requests("GET").filter { $0.contains("/v3/webhooks/endpoints") }
      #expect(pages.count == 2, "\(pages)")
    }
  }

  @Test(.enabled("the server serves /v2/video_translate") { await TranslationSupport.isServed() })
  func translationsThroughTheSDK() async throws {
    let folder = try scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try await TestServer.with { server in
      let client = server.client()
      let languages = try await client.translations.targetLanguages()
      let target = try TranslationSupport.target(in: languages)
      let video = try await client.videos.generate(SDKRequest.hello("Good morning."))
      let finished = try await client.waitForVideo(id: video)
      // By URL here; the CLI test translates by id. Captions come only when asked for.
      let ids = try await client.translations.create(
        VideoTranslateRequest(
          videoUrl: finished.videoUrl, outputLanguage: target, enableCaption: true))
      let id = try #require(ids.first)
      let done = try await client.waitForTranslation(id: id, timeout: .seconds(300))
      #expect(done.status == .success)
      // v3 names the language by its code.
      #expect(target != "Spanish" || done.outputLanguage == "es", "\(done)")
      #expect(!done.outputLanguage.isEmpty && done.captionUrl != nil, "\(done)")
      let file = folder.appendingPathComponent("es.mp4")
      try await client.download(try #require(URL(string: done.url ?? "")), to: file)
      let probe = try await MediaProbe(path: file.path)
      #expect(probe.videoCodec == "h264" && probe.audioCodec == "aac")

      // From an uploaded asset, then listed, renamed and deleted, all through v3.
      let asset = try await client.assets.upload(file: file)
      let fromAsset = try #require(
        try await client.translations.create(
          assetID: asset.id, VideoTranslateRequest(outputLanguage: target, title: "From asset")
        ).first)
      let assetDone = try await client.waitForTranslation(id: fromAsset, timeout: .seconds(300))
      #expect(assetDone.status == .success && assetDone.title == "From asset", "\(assetDone)")
      let listed = try await client.translations.list()
      #expect(Set(listed.map(\.videoTranslateId)) == [id.rawValue, fromAsset.rawValue])
      let renamed = try await client.translations.rename(id: id, title: "Buenos días")
      #expect(renamed.title == "Buenos días" && renamed.status == .success)
      #expect(try await client.translations.status(id: id).title == "Buenos días")
      try await client.translations.delete(id: fromAsset)
      #expect(try await client.translations.list().map(\.videoTranslateId) == [id.rawValue])
      let translationCalls = server.requests.filter { $0.contains("translat") }
      #expect(translationCalls.allSatisfy { $0.contains("/v3/video-translations") })

      let unknown = await #expect(throws: HeyGenError.self) {
        try await client.translations.status(id: TranslationID(String(repeating: "0", count: 32)))
      }
      #expect(unknown?.status == 404)
      let noSuchFolder = await #expect(throws: HeyGenError.self) {
        try await client.download(
          try #require(URL(string: done.url ?? "")),
          to: folder.appendingPathComponent("no/such/x.mp4"))
      }
      #expect(
        noSuchFolder?.kind == .file && noSuchFolder?.message.contains("does not exist") == true)
    }
  }

  /// The partial file is longer than the video (left by another file of the same name): the
  /// server answers 416, and the download starts over instead of failing.
  @Test func downloadStartsOverWhenThePartialFileCannotBeContinued() async throws {
    let folder = try scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try await TestServer.with { server in
      let client = server.client()
      let (video, bytes) = try await finishedVideo(client, downloadedInto: folder)

      let file = folder.appendingPathComponent("again.mp4")
      try Data(repeating: 7, count: bytes.count + 100).write(
        to: file.appendingPathExtension("part"))
      let result = try await client.download(video, to: file)
      #expect(result.resumedFrom == 0 && result.bytesWritten == Int64(bytes.count))
      #expect(try Data(contentsOf: file) == bytes)
      #expect(!FileManager.default.fileExists(atPath: file.path + ".part"))
    }
  }

  /// Servers that answer a range with other bytes than asked, or ignore it.
  @Test func downloadNeverAppendsBytesFromTheWrongOffset() async throws {
    let folder = try scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let server = try await MisbehavingServer()
    defer { Task { await server.stop() } }
    let client = HeyGenClient(baseURL: URL(string: server.baseURL)!, apiKey: "k")
    let expected = MisbehavingServer.file

    // 206 for the range, but its bytes start at 0: asked again for the whole file.
    let shifted = folder.appendingPathComponent("shifted.mp4")
    try expected.prefix(1000).write(to: shifted.appendingPathExtension("part"))
    let first = try await client.download(
      URL(string: server.baseURL + "/wrong-range.mp4")!, to: shifted)
    #expect(try Data(contentsOf: shifted) == expected)
    #expect(first.resumedFrom == 0 && first.bytesWritten == Int64(expected.count))
    #expect(server.rangesAsked == ["bytes=1000-", nil])

    // 200 to a range: the whole file replaces the partial one.
    let ignored = folder.appendingPathComponent("ignored.mp4")
    try Data(repeating: 1, count: 1000).write(to: ignored.appendingPathExtension("part"))
    let second = try await client.download(
      URL(string: server.baseURL + "/no-ranges.mp4")!, to: ignored)
    #expect(try Data(contentsOf: ignored) == expected)
    #expect(second.resumedFrom == 0 && second.bytesWritten == Int64(expected.count))
    #expect(server.rangesAsked.suffix(1) == ["bytes=1000-"])
  }

  /// A server that sends the headers and then stalls is given up on at the call's timeout.
  /// A download into a folder that is not there says so, before anything is asked for.
  @Test func aMissingDownloadFolderIsNamedBeforeAnyRequest() async throws {
    let server = try await MisbehavingServer()
    defer { Task { await server.stop() } }
    let folder = try scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let client = HeyGenClient(baseURL: URL(string: server.baseURL)!, apiKey: "k")
    let target = folder.appendingPathComponent("no/such/x.mp4")
    let error = await #expect(throws: HeyGenError.self) {
      try await client.download(
        try #require(URL(string: server.baseURL + "/no-ranges.mp4")), to: target)
    }
    #expect(error?.kind == .file && error?.message.contains("does not exist") == true)
    #expect(error?.message.lowercased().contains("permission") == false)
    #expect(server.rangesAsked.isEmpty, "nothing was downloaded")
    // A file where the folder should be is named too.
    let file = folder.appendingPathComponent("plain")
    try Data("x".utf8).write(to: file)
    let notFolder = await #expect(throws: HeyGenError.self) {
      try await client.download(
        try #require(URL(string: server.baseURL + "/no-ranges.mp4")),
        to: file.appendingPathComponent("x.mp4"))
    }
    #expect(
      notFolder?.message.contains("is not a folder") == true, "\(String(describing: notFolder))")
  }

  @Test func theTimeoutCoversTheWholeAnswer() async throws {
    let server = try await MisbehavingServer()
    defer { Task { await server.stop() } }
    let client = HeyGenClient(
      baseURL: URL(string: server.baseURL)!, apiKey: "k", retry: .never,
      timeout: .milliseconds(500))
    let started = ContinuousClock.now
    let error = await #expect(throws: HeyGenError.self) { try await client.avatars.list() }
    #expect(ContinuousClock.now - started < .seconds(5))
    #expect(error?.kind == .unreachable && error?.message.contains("did not answer") == true)
  }

  @Test func templatesCreateListShowUpdateGenerateDelete() async throws {
    try await TestServer.with { server in
      let client = server.client()
      let document: [String: Any] = [
        "name": "Welcome",
        "variables": [
          "who": ["name": "who", "type": "text", "properties": ["content": "everyone"]]
        ],
        "video_inputs": [
          [
            "character": ["type": "avatar", "avatar_id": VideoRequest.avatarID],
            "voice": [
              "type": "text", "input_text": "Welcome, {{who}}.", "voice_id": VideoRequest.voiceID,
            ],
          ]
        ],
        "dimension": ["width": 320, "height": 180],
      ]
      let created = try await client.templates.create(
        document: try JSONSerialization.data(withJSONObject: document))
      #expect(created.name == "Welcome" && created.aspectRatio == "landscape")
      #expect(created.variables["who"]?.properties.content == "everyone")

      let listed = try await client.templates.list()
      #expect(listed.map(\.templateId).contains(created.templateId))
      #expect(listed.first { $0.templateId == created.templateId }?.aspectRatio == "landscape")
      let details = try await client.templates.details(id: created.templateId)
      #expect(details.variables == created.variables && details.dimension.width == 320)
      #expect(details.aspectRatio == "landscape" && details.thumbnailImageUrl.hasPrefix("http"))

      let renamed = try await client.templates.update(
        id: created.templateId, document: Data(#"{"name":"Hello"}"#.utf8))
      #expect(renamed.name == "Hello" && renamed.variables == created.variables)
      #expect(try await client.templates.details(id: created.templateId).name == "Hello")

      // Through v3 (the answer is a whole video resource); a test video, which v3 cannot
      // ask for, through v2.
      let ada = TemplateVariableBody(
        name: "who", type: "text", properties: TemplateVariableProperties(content: "Ada"))
      let id = try await client.templates.generate(
        id: created.templateId, TemplateGenerateRequest(variables: ["who": ada], title: "Hi Ada"))
      let test = try await client.templates.generate(
        id: created.templateId, TemplateGenerateRequest(variables: ["who": ada], test: true))
      let posts = server.requests("POST")
      #expect(posts.contains { $0.contains("/v3/templates/\(created.templateId)") }, "\(posts)")
      #expect(posts.contains { $0.contains("/v2/template/\(created.templateId)/generate") })
      let templateReads = server.requests("GET").filter { $0.contains("/template") }
      #expect(templateReads.allSatisfy { $0.contains("/v3/templates") }, "\(templateReads)")
      let video = try await client.waitForVideo(id: id, timeout: .seconds(180))
      #expect(video.state == .completed)
      #expect(try await client.waitForVideo(id: test, timeout: .seconds(180)).state == .completed)
      #expect(
        try await client.videos.list().videos.first { $0.videoId == id.rawValue }?.videoTitle
          == "Hi Ada")

      let fromVideo = try await client.templates.create(fromVideo: id, name: "Copy")
      #expect(fromVideo.name == "Copy" && !fromVideo.variables.isEmpty)

      try await client.templates.delete(id: created.templateId)
      let gone = await #expect(throws: HeyGenError.self) {
        try await client.templates.details(id: created.templateId)
      }
      #expect(gone?.isNotFound == true)
      #expect(try await client.templates.list().map(\.templateId) == [fromVideo.templateId])
    }
  }

  @Test func assetUploadReturnsALinkToTheSameBytes() async throws {
    let folder = try scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try await TestServer.with(workers: 0) { server in
      let picture = folder.appendingPathComponent("blue.png")
      let made = try await Tool.run(
        "ffmpeg",
        [
          "-v", "error", "-y", "-f", "lavfi", "-i", "color=c=blue:s=64x64", "-frames:v", "1",
          picture.path,
        ])
      try #require(made.status == 0, "\(made.output)")
      let client = server.client()
      let asset = try await client.assets.upload(file: picture)
      #expect(asset.fileType == "image" && !asset.id.isEmpty, "\(asset)")
      let fetched = folder.appendingPathComponent("fetched.png")
      try await client.download(try #require(URL(string: asset.url)), to: fetched)
      #expect(try Data(contentsOf: fetched) == Data(contentsOf: picture))

      let refused = await #expect(throws: HeyGenError.self) {
        try await client.assets.upload(Data("not a picture".utf8), contentType: "text/plain")
      }
      #expect(refused?.status == 400, "\(String(describing: refused))")
    }
  }
}

/// What a progress callback saw, collected across threads.
final class Seen: Sendable {
  private let storage = Mutex<[String]>([])
  func add(_ value: String) { storage.withLock { $0.append(value) } }
  var states: [String] { storage.withLock { $0 } }
}
