"""Finds the faces in one photo with MediaPipe FaceMesh (478 points each, lips, lids and irises).

Usage: python face_landmarks.py IN_IMAGE OUT_PNG MAX_SIDE

Reads IN_IMAGE as OpenCV sees it (EXIF orientation applied), shrinks it so neither side exceeds
MAX_SIDE, writes those exact pixels to OUT_PNG (the picture the renderer animates, so landmarks
and pixels always agree) and prints one JSON object on stdout:
  {"width": W, "height": H, "faces": [{"points": [[x, y, z], ...]}, ...]}
with points in pixels of OUT_PNG. An unreadable image prints {"error": "unreadable"} and exits 2.
Deciding what to refuse (no face, several, too small) is the caller's job.
"""
import json
import sys

import cv2
from mediapipe.python.solutions import face_mesh


def main() -> int:
    source, target, max_side = sys.argv[1], sys.argv[2], int(sys.argv[3])
    image = cv2.imread(source, cv2.IMREAD_COLOR)
    if image is None or image.shape[0] < 16 or image.shape[1] < 16:
        print(json.dumps({"error": "unreadable"}))
        return 2
    height, width = image.shape[:2]
    factor = min(1.0, max_side / max(height, width))
    if factor < 1.0:
        width, height = max(16, round(width * factor)), max(16, round(height * factor))
        image = cv2.resize(image, (width, height), interpolation=cv2.INTER_AREA)
    if not cv2.imwrite(target, image):
        print(json.dumps({"error": "unwritable"}))
        return 3
    # Two faces are enough to tell "one face" from "several"; static mode: one photo, no tracking.
    with face_mesh.FaceMesh(
        static_image_mode=True, max_num_faces=2, refine_landmarks=True,
        min_detection_confidence=0.5,
    ) as mesh:
        found = mesh.process(cv2.cvtColor(image, cv2.COLOR_BGR2RGB))
    faces = []
    for face in found.multi_face_landmarks or []:
        faces.append({"points": [
            [round(p.x * width, 2), round(p.y * height, 2), round(p.z * width, 2)]
            for p in face.landmark
        ]})
    print(json.dumps({"width": width, "height": height, "faces": faces}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
