import Foundation
import OratorRender

/// The audio preview of a voice (`preview_audio`): a short sentence in the voice's own
/// language, synthesized and encoded as MP3.
struct VoiceSample {
  var speech: any SpeechSynthesizer

  /// What each language says, by ISO 639-1 code; other languages read the English sample,
  /// which espeak-ng pronounces with that language's rules.
  static let sentences: [String: String] = [
    "en": "Hello! This is my voice. I can read your script in a clear and friendly tone.",
    "es": "¡Hola! Esta es mi voz. Puedo leer tu guion con un tono claro y amable.",
    "fr": "Bonjour ! Voici ma voix. Je peux lire votre texte d'un ton clair et aimable.",
    "de": "Hallo! Das ist meine Stimme. Ich kann Ihren Text klar und freundlich vorlesen.",
    "it": "Ciao! Questa è la mia voce. Posso leggere il tuo testo con un tono chiaro e cordiale.",
    "pt": "Olá! Esta é a minha voz. Posso ler o seu texto com um tom claro e simpático.",
    "nl": "Hallo! Dit is mijn stem. Ik kan je tekst duidelijk en vriendelijk voorlezen.",
    "sv": "Hej! Det här är min röst. Jag kan läsa din text tydligt och vänligt.",
    "da": "Hej! Dette er min stemme. Jeg kan læse din tekst klart og venligt op.",
    "nb": "Hei! Dette er stemmen min. Jeg kan lese teksten din tydelig og vennlig.",
    "fi": "Hei! Tämä on minun ääneni. Voin lukea tekstisi selkeästi ja ystävällisesti.",
    "pl": "Cześć! To jest mój głos. Mogę przeczytać twój tekst wyraźnie i przyjaźnie.",
    "tr": "Merhaba! Bu benim sesim. Metninizi açık ve samimi bir şekilde okuyabilirim.",
    "id": "Halo! Ini suara saya. Saya bisa membacakan naskah Anda dengan jelas dan ramah.",
    "ru": "Здравствуйте! Это мой голос. Я могу прочитать ваш текст ясно и дружелюбно.",
  ]

  /// Avatar greetings by language; `%@` is the avatar's first name.
  static let greetings: [String: String] = [
    "en": "Hi, I'm %@. Nice to meet you!",
    "es": "¡Hola, soy %@! Mucho gusto.",
    "fr": "Bonjour, je m'appelle %@. Bienvenue !",
    "de": "Hallo, ich bin %@. Schön, Sie kennenzulernen!",
    "it": "Ciao, sono %@. Piacere di conoscerti!",
    "pt": "Olá, eu sou %@. Muito prazer!",
  ]

  static func language(of locale: String) -> String {
    locale.split(separator: "-").first.map { $0.lowercased() } ?? "en"
  }

  static func sentence(locale: String) -> String {
    sentences[language(of: locale)] ?? sentences["en"]!
  }

  static func greeting(locale: String, name: String) -> String {
    (greetings[language(of: locale)] ?? greetings["en"]!).replacingOccurrences(of: "%@", with: name)
  }

  /// Speaks the sample in `voice` and writes it as MP3 at `mp3Path` (through a WAV beside it).
  func write(_ voice: VoiceDescriptor, to mp3Path: String) async throws {
    let track = try await speech.synthesize(
      Self.sentence(locale: voice.locale), voice: voice, speed: 1, pitch: 0)
    try await SpeechMP3.write(track, to: mp3Path, bitrate: "64k", sampleRate: 22050)
  }
}
