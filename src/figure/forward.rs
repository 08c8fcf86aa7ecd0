//! Hands plotters `DrawingBackend` methods on to another backend unchanged. The page's
//! canvas (src/web/figure_canvas.rs), the SVG export with embedded bitmaps
//! ([`super::export`]) and the page's either-backend type each change two or three of
//! plotters' methods and forward the rest; this writes the forwarding once.

/// Implements the listed `DrawingBackend` methods (any of `get_size`, `ensure_prepared`,
/// `present`, `draw_pixel`, `draw_line`, `draw_rect`, `draw_path`, `draw_circle`,
/// `fill_polygon`, `draw_text`, `estimate_text_size`, `blit_bitmap`) inside an
/// `impl DrawingBackend` block. `$via!(self, b => call)` must evaluate `call` with `b` bound
/// to the backend that does the work and give the method's result (mapping its error to
/// `Self::ErrorType` where that differs); `get_size` calls `$via!` too, and `via` must then
/// accept a call that returns a plain size.
macro_rules! forward_drawing {
    ($via:ident: $($method:ident),+ $(,)?) => {
        $( $crate::figure::forward::forward_drawing!(@ $via $method); )+
    };
    (@ $via:ident get_size) => {
        fn get_size(&self) -> (u32, u32) {
            $via!(self, b => b.get_size())
        }
    };
    (@ $via:ident ensure_prepared) => {
        fn ensure_prepared(&mut self) -> $crate::figure::forward::Res<(), Self::ErrorType> {
            $via!(self, b => b.ensure_prepared())
        }
    };
    (@ $via:ident present) => {
        fn present(&mut self) -> $crate::figure::forward::Res<(), Self::ErrorType> {
            $via!(self, b => b.present())
        }
    };
    (@ $via:ident draw_pixel) => {
        fn draw_pixel(
            &mut self,
            point: ::plotters_backend::BackendCoord,
            color: ::plotters_backend::BackendColor,
        ) -> $crate::figure::forward::Res<(), Self::ErrorType> {
            $via!(self, b => b.draw_pixel(point, color))
        }
    };
    (@ $via:ident draw_line) => {
        fn draw_line<S: ::plotters_backend::BackendStyle>(
            &mut self,
            from: ::plotters_backend::BackendCoord,
            to: ::plotters_backend::BackendCoord,
            style: &S,
        ) -> $crate::figure::forward::Res<(), Self::ErrorType> {
            $via!(self, b => b.draw_line(from, to, style))
        }
    };
    (@ $via:ident draw_rect) => {
        fn draw_rect<S: ::plotters_backend::BackendStyle>(
            &mut self,
            corner: ::plotters_backend::BackendCoord,
            opposite: ::plotters_backend::BackendCoord,
            style: &S,
            fill: bool,
        ) -> $crate::figure::forward::Res<(), Self::ErrorType> {
            $via!(self, b => b.draw_rect(corner, opposite, style, fill))
        }
    };
    (@ $via:ident draw_path) => {
        fn draw_path<
            S: ::plotters_backend::BackendStyle,
            I: IntoIterator<Item = ::plotters_backend::BackendCoord>,
        >(
            &mut self,
            path: I,
            style: &S,
        ) -> $crate::figure::forward::Res<(), Self::ErrorType> {
            $via!(self, b => b.draw_path(path, style))
        }
    };
    (@ $via:ident draw_circle) => {
        fn draw_circle<S: ::plotters_backend::BackendStyle>(
            &mut self,
            center: ::plotters_backend::BackendCoord,
            radius: u32,
            style: &S,
            fill: bool,
        ) -> $crate::figure::forward::Res<(), Self::ErrorType> {
            $via!(self, b => b.draw_circle(center, radius, style, fill))
        }
    };
    (@ $via:ident fill_polygon) => {
        fn fill_polygon<
            S: ::plotters_backend::BackendStyle,
            I: IntoIterator<Item = ::plotters_backend::BackendCoord>,
        >(
            &mut self,
            vertices: I,
            style: &S,
        ) -> $crate::figure::forward::Res<(), Self::ErrorType> {
            $via!(self, b => b.fill_polygon(vertices, style))
        }
    };
    (@ $via:ident draw_text) => {
        fn draw_text<T: ::plotters_backend::BackendTextStyle>(
            &mut self,
            text: &str,
            style: &T,
            pos: ::plotters_backend::BackendCoord,
        ) -> $crate::figure::forward::Res<(), Self::ErrorType> {
            $via!(self, b => b.draw_text(text, style, pos))
        }
    };
    (@ $via:ident estimate_text_size) => {
        fn estimate_text_size<T: ::plotters_backend::BackendTextStyle>(
            &self,
            text: &str,
            style: &T,
        ) -> $crate::figure::forward::Res<(u32, u32), Self::ErrorType> {
            $via!(self, b => b.estimate_text_size(text, style))
        }
    };
    (@ $via:ident blit_bitmap) => {
        fn blit_bitmap(
            &mut self,
            pos: ::plotters_backend::BackendCoord,
            size: (u32, u32),
            src: &[u8],
        ) -> $crate::figure::forward::Res<(), Self::ErrorType> {
            $via!(self, b => b.blit_bitmap(pos, size, src))
        }
    };
}

pub(crate) use forward_drawing;

/// A backend call's result with the backend's error type.
pub(crate) type Res<T, E> = Result<T, plotters_backend::DrawingErrorKind<E>>;

/// `$via` for a wrapper whose field `inner` does the work: binds `b` to it (by reference,
/// shared or mutable as the method's `self` is).
macro_rules! via_inner {
    ($self:ident, $b:ident => $call:expr) => {{
        let Self { inner: $b, .. } = $self;
        $call
    }};
}

pub(crate) use via_inner;
