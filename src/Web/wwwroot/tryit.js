// The job page's "Try it" drawing pad: a module from this origin, since the Content-Security-Policy allows no inline script.
// White strokes on black, as MNIST digits are; exported shrunk to the dataset's size so the upload stays a few hundred bytes.
export function attach(canvas) {
  const context = canvas.getContext("2d");
  clear(canvas);
  let drawing = false;
  const point = (event) => {
    const box = canvas.getBoundingClientRect();
    return [(event.clientX - box.left) * canvas.width / box.width, (event.clientY - box.top) * canvas.height / box.height];
  };
  canvas.addEventListener("pointerdown", (event) => {
    drawing = true;
    canvas.setPointerCapture?.(event.pointerId);
    const [x, y] = point(event);
    context.beginPath();
    context.moveTo(x, y);
    context.lineTo(x + 0.1, y + 0.1);
    context.stroke();
  });
  canvas.addEventListener("pointermove", (event) => {
    if (!drawing) return;
    const [x, y] = point(event);
    context.lineTo(x, y);
    context.stroke();
  });
  const stop = () => { drawing = false; };
  canvas.addEventListener("pointerup", stop);
  canvas.addEventListener("pointerleave", stop);
}

export function clear(canvas) {
  const context = canvas.getContext("2d");
  context.fillStyle = "#000";
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.strokeStyle = "#fff";
  context.lineWidth = canvas.width / 12;
  context.lineCap = "round";
  context.lineJoin = "round";
}

// The drawing as a size x size PNG, base64 without the data: prefix.
export function toPng(canvas, size) {
  const small = document.createElement("canvas");
  small.width = size;
  small.height = size;
  const context = small.getContext("2d");
  context.imageSmoothingEnabled = true;
  context.imageSmoothingQuality = "high";
  context.drawImage(canvas, 0, 0, size, size);
  return small.toDataURL("image/png").split(",")[1];
}
