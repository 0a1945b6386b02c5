<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
  <context>
    <name>AboutDialog</name>
    <message>
      <location filename="../../desktop/ui/dialogs/about.py" line="44" />
      <source>About {app}</source>
      <translation>Giới thiệu {app}</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/dialogs/about.py" line="49" />
      <source>An offline library for collections of web articles.</source>
      <translation>Thư viện ngoại tuyến cho các bộ sưu tập bài viết trên web.</translation>
    </message>
  </context>
  <context>
    <name>AnnotationController</name>
    <message>
      <location filename="../../desktop/ui/annotations/controller.py" line="65" />
      <source>Annotate</source>
      <translation>Chú thích</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/annotations/controller.py" line="69" />
      <source>Annotate the selected passage (Ctrl+Shift+A)</source>
      <translation>Chú thích đoạn đã chọn (Ctrl+Shift+A)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/annotations/controller.py" line="71" />
      <source>Undo</source>
      <translation>Hoàn tác</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/annotations/controller.py" line="73" />
      <source>Redo</source>
      <translation>Làm lại</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/annotations/controller.py" line="85" />
      <source>Delete annotation</source>
      <translation>Xoá chú thích</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/annotations/controller.py" line="252" />
      <source>Exported {n} annotation(s) to {path}</source>
      <translation>Đã xuất {n} chú thích ra {path}</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/annotations/controller.py" line="266" />
      <source>Imported: {a} added, {u} updated, {o} orphaned, {f} failed</source>
      <translation>Đã nhập: {a} thêm mới, {u} cập nhật, {o} mất neo, {f} lỗi</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/annotations/controller.py" line="276" />
      <source>W3C Web Annotations (*.jsonld)</source>
      <translation>Chú thích web W3C (*.jsonld)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/annotations/controller.py" line="277" />
      <source>CSV for spreadsheets (*.csv)</source>
      <translation>CSV cho bảng tính (*.csv)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/annotations/controller.py" line="278" />
      <source>Markdown for Obsidian/Logseq (*.md)</source>
      <translation>Markdown cho Obsidian/Logseq (*.md)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/annotations/controller.py" line="279" />
      <source>REFI-QDA project (*.qdpx)</source>
      <translation>Dự án REFI-QDA (*.qdpx)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/annotations/controller.py" line="282" />
      <source>Export annotations</source>
      <translation>Xuất chú thích</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/annotations/controller.py" line="293" />
      <source>This library is read-only.</source>
      <translation>Thư viện này chỉ đọc.</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/annotations/controller.py" line="296" />
      <source>Import annotations</source>
      <translation>Nhập chú thích</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/annotations/controller.py" line="297" />
      <source>W3C Web Annotations (*.jsonld *.json)</source>
      <translation>Chú thích web W3C (*.jsonld *.json)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/annotations/controller.py" line="309" />
      <source>Select a passage to annotate first.</source>
      <translation>Hãy chọn một đoạn văn để chú thích trước.</translation>
    </message>
  </context>
  <context>
    <name>AnnotationEditor</name>
    <message>
      <location filename="../../desktop/ui/annotations/editor.py" line="70" />
      <source>Annotation</source>
      <translation>Chú thích</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/annotations/editor.py" line="93" />
      <source>Note (Markdown)</source>
      <translation>Ghi chú (Markdown)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/annotations/editor.py" line="96" />
      <source>tags, comma separated: policy/funding, …</source>
      <translation>thẻ, cách nhau bằng dấu phẩy: chính-sách/tài-trợ, …</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/annotations/editor.py" line="106" />
      <source>Colour</source>
      <translation>Màu</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/annotations/editor.py" line="107" />
      <source>Note</source>
      <translation>Ghi chú</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/annotations/editor.py" line="108" />
      <source>Tags</source>
      <translation>Thẻ</translation>
    </message>
  </context>
  <context>
    <name>AnnotationPanel</name>
    <message>
      <location filename="../../desktop/ui/annotations/panel.py" line="39" />
      <source>Edit…</source>
      <translation>Sửa…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/annotations/panel.py" line="40" />
      <source>Delete</source>
      <translation>Xoá</translation>
    </message>
    <message numerus="yes">
      <location filename="../../desktop/ui/annotations/panel.py" line="80" />
      <source>%n annotation(s)</source>
      <translation>
        <numerusform>%n chú thích</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>AnnotationsView</name>
    <message>
      <location filename="../../desktop/ui/annotations/library_view.py" line="52" />
      <source>Filter quotes and notes…</source>
      <translation>Lọc trích dẫn và ghi chú…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/annotations/library_view.py" line="58" />
      <source>Any colour</source>
      <translation>Mọi màu</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/annotations/library_view.py" line="67" />
      <source>Export…</source>
      <translation>Xuất…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/annotations/library_view.py" line="69" />
      <source>Export the annotations shown (W3C JSON-LD, CSV, Markdown, REFI-QDA)</source>
      <translation>Xuất các chú thích đang hiển thị (W3C JSON-LD, CSV, Markdown, REFI-QDA)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/annotations/library_view.py" line="71" />
      <source>Import…</source>
      <translation>Nhập…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/annotations/library_view.py" line="72" />
      <source>Merge a W3C annotation file (JSON-LD)</source>
      <translation>Gộp một tệp chú thích W3C (JSON-LD)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/annotations/library_view.py" line="79" />
      <source>from</source>
      <translation>từ</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/annotations/library_view.py" line="81" />
      <source>to</source>
      <translation>đến</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/annotations/library_view.py" line="118" />
      <source>any</source>
      <translation>bất kỳ</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/annotations/library_view.py" line="127" />
      <source>Any tag</source>
      <translation>Mọi thẻ</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/annotations/library_view.py" line="130" />
      <source>Any article</source>
      <translation>Mọi bài viết</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/annotations/library_view.py" line="160" />
      <source>{shown} of {total}</source>
      <translation>{shown} / {total}</translation>
    </message>
  </context>
  <context>
    <name>ArticleHeader</name>
    <message>
      <location filename="../../desktop/ui/reader/header.py" line="61" />
      <source>(untitled)</source>
      <translation>(không có tiêu đề)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/reader/header.py" line="63" />
      <source>no date</source>
      <translation>không rõ ngày</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/reader/header.py" line="65" />
      <source>by {author}</source>
      <translation>tác giả {author}</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/reader/header.py" line="68" />
      <source>Source: {source}</source>
      <translation>Nguồn: {source}</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/reader/header.py" line="72" />
      <source>Open in your web browser</source>
      <translation>Mở bằng trình duyệt web</translation>
    </message>
  </context>
  <context>
    <name>EmptyLibraryScreen</name>
    <message>
      <location filename="../../desktop/ui/empty_state.py" line="16" />
      <source>Your library is empty</source>
      <translation>Thư viện của bạn đang trống</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/empty_state.py" line="25" />
      <source>Import articles to start: text files, HTML pages, WARC/WACZ web archives, JSON Lines, or zip files holding any of these.

Use the buttons below, File ▸ Import (Ctrl+O), or drop files and folders onto this window. Everything stays on this computer.</source>
      <translation>Hãy nhập bài viết để bắt đầu: tệp văn bản, trang HTML, kho lưu trữ web WARC/WACZ, JSON Lines, hoặc tệp zip chứa các loại trên.

Dùng các nút bên dưới, Tệp ▸ Nhập (Ctrl+O), hoặc kéo thả tệp và thư mục vào cửa sổ này. Mọi dữ liệu đều ở lại trên máy tính này.</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/empty_state.py" line="36" />
      <source>Import files…</source>
      <translation>Nhập tệp…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/empty_state.py" line="39" />
      <source>Import a folder…</source>
      <translation>Nhập một thư mục…</translation>
    </message>
  </context>
  <context>
    <name>FacetSidebar</name>
    <message>
      <location filename="../../desktop/ui/facets/sidebar.py" line="28" />
      <source>Sites</source>
      <translation>Trang web</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/facets/sidebar.py" line="28" />
      <source>Years</source>
      <translation>Năm</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/facets/sidebar.py" line="28" />
      <source>Tags</source>
      <translation>Thẻ</translation>
    </message>
  </context>
  <context>
    <name>FailuresModel</name>
    <message>
      <location filename="../../desktop/ui/importing/report_dialog.py" line="29" />
      <source>File</source>
      <translation>Tệp</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/importing/report_dialog.py" line="29" />
      <source>Reason</source>
      <translation>Lý do</translation>
    </message>
  </context>
  <context>
    <name>FindBar</name>
    <message>
      <location filename="../../desktop/ui/reader/find_bar.py" line="52" />
      <source>Find in article</source>
      <translation>Tìm trong bài</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/reader/find_bar.py" line="57" />
      <source>Previous match (Shift+Enter)</source>
      <translation>Kết quả trước (Shift+Enter)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/reader/find_bar.py" line="60" />
      <source>Next match (Enter)</source>
      <translation>Kết quả sau (Enter)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/reader/find_bar.py" line="63" />
      <source>Close (Esc)</source>
      <translation>Đóng (Esc)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/reader/find_bar.py" line="66" />
      <source>Find:</source>
      <translation>Tìm:</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/reader/find_bar.py" line="88" />
      <source>no match</source>
      <translation>không thấy</translation>
    </message>
  </context>
  <context>
    <name>ImportPanel</name>
    <message>
      <location filename="../../desktop/ui/importing/progress_panel.py" line="19" />
      <location filename="../../desktop/ui/importing/progress_panel.py" line="45" />
      <source>Importing…</source>
      <translation>Đang nhập…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/importing/progress_panel.py" line="32" />
      <location filename="../../desktop/ui/importing/progress_panel.py" line="50" />
      <source>Cancel</source>
      <translation>Huỷ</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/importing/progress_panel.py" line="55" />
      <source>Cancelling…</source>
      <translation>Đang huỷ…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/importing/progress_panel.py" line="71" />
      <source>{imported} new · {duplicates} duplicates · {failed} failed</source>
      <translation>{imported} mới · {duplicates} trùng · {failed} lỗi</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/importing/progress_panel.py" line="77" />
      <source>Updating the search index…</source>
      <translation>Đang cập nhật chỉ mục tìm kiếm…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/importing/progress_panel.py" line="83" />
      <source>{done} of {total} indexed</source>
      <translation>đã lập chỉ mục {done} / {total}</translation>
    </message>
  </context>
  <context>
    <name>ImportReportDialog</name>
    <message>
      <location filename="../../desktop/ui/importing/report_dialog.py" line="61" />
      <source>Imported {imported} articles; {duplicates} duplicates skipped; {failed} failed.</source>
      <translation>Đã nhập {imported} bài; bỏ qua {duplicates} bài trùng; {failed} lỗi.</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/importing/report_dialog.py" line="68" />
      <source>The import was cancelled; what was imported before is kept.</source>
      <translation>Việc nhập đã bị huỷ; những gì đã nhập trước đó vẫn được giữ lại.</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/importing/report_dialog.py" line="74" />
      <source>Import report</source>
      <translation>Báo cáo nhập</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/importing/report_dialog.py" line="93" />
      <source>These files could not be imported:</source>
      <translation>Không thể nhập các tệp sau:</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="200" />
      <source>(read-only)</source>
      <translation>(chỉ đọc)</translation>
    </message>
    <message numerus="yes">
      <location filename="../../desktop/ui/main_window.py" line="285" />
      <source>%n article(s) in this library</source>
      <translation>
        <numerusform>Thư viện có %n bài viết</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="315" />
      <source>Import files</source>
      <translation>Nhập tệp</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="318" />
      <source>Articles and archives (*.txt *.html *.htm *.warc *.warc.gz *.arc *.arc.gz *.wacz *.zip *.jsonl *.json);;All files (*)</source>
      <translation>Bài viết và kho lưu trữ (*.txt *.html *.htm *.warc *.warc.gz *.arc *.arc.gz *.wacz *.zip *.jsonl *.json);;Mọi tệp (*)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="327" />
      <source>Import a folder</source>
      <translation>Nhập một thư mục</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="334" />
      <source>This library is read-only.</source>
      <translation>Thư viện này chỉ đọc.</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="337" />
      <source>An import is already running.</source>
      <translation>Đang có một lần nhập khác chạy.</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="376" />
      <source>Import</source>
      <translation>Nhập</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="394" />
      <source>Create a library in…</source>
      <translation>Tạo thư viện trong…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="394" />
      <source>Open a library folder</source>
      <translation>Mở thư mục thư viện</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="401" />
      <source>Wait for the import to finish first.</source>
      <translation>Hãy đợi việc nhập hoàn tất trước.</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="406" />
      <source>Open library</source>
      <translation>Mở thư viện</translation>
    </message>
    <message>
      <source>Annotations</source>
      <translation>Chú thích</translation>
    </message>
    <message>
      <source>All annotations</source>
      <translation>Tất cả chú thích</translation>
    </message>
  </context>
  <context>
    <name>Menus</name>
    <message>
      <location filename="../../desktop/ui/menus.py" line="39" />
      <source>&amp;Full Screen</source>
      <translation>Toàn &amp;màn hình</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/menus.py" line="41" />
      <source>&amp;Quit</source>
      <translation>&amp;Thoát</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/menus.py" line="43" />
      <source>&amp;Settings…</source>
      <translation>&amp;Cài đặt…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/menus.py" line="45" />
      <source>&amp;About Archive Browser</source>
      <translation>&amp;Giới thiệu Archive Browser</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/menus.py" line="49" />
      <source>&amp;Import Files…</source>
      <translation>&amp;Nhập tệp…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/menus.py" line="52" />
      <source>Import &amp;Folder…</source>
      <translation>Nhập &amp;thư mục…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/menus.py" line="54" />
      <source>&amp;Open Library…</source>
      <translation>&amp;Mở thư viện…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/menus.py" line="55" />
      <source>&amp;New Library…</source>
      <translation>Thư viện mớ&amp;i…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/menus.py" line="59" />
      <source>&amp;Search the Library</source>
      <translation>Tìm &amp;kiếm trong thư viện</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/menus.py" line="62" />
      <source>&amp;Clear Search</source>
      <translation>&amp;Xoá tìm kiếm</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/menus.py" line="63" />
      <source>Clear &amp;Filters</source>
      <translation>Bỏ &amp;bộ lọc</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/menus.py" line="66" />
      <source>About &amp;Qt</source>
      <translation>Giới thiệu &amp;Qt</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/menus.py" line="71" />
      <source>&amp;File</source>
      <translation>&amp;Tệp</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/menus.py" line="83" />
      <source>&amp;Edit</source>
      <translation>&amp;Sửa</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/menus.py" line="93" />
      <source>&amp;View</source>
      <translation>&amp;Xem</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/menus.py" line="104" />
      <source>&amp;Help</source>
      <translation>Trợ &amp;giúp</translation>
    </message>
  </context>
  <context>
    <name>ReaderView</name>
    <message>
      <location filename="../../desktop/ui/reader/view.py" line="107" />
      <source>Select an article to read it here.</source>
      <translation>Chọn một bài viết để đọc ở đây.</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/reader/view.py" line="148" />
      <source>◀ Previous hit</source>
      <translation>◀ Kết quả trước</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/reader/view.py" line="148" />
      <source>Previous search hit</source>
      <translation>Kết quả tìm kiếm trước</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/reader/view.py" line="151" />
      <source>Next hit ▶</source>
      <translation>Kết quả sau ▶</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/reader/view.py" line="151" />
      <source>Next search hit</source>
      <translation>Kết quả tìm kiếm sau</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/reader/view.py" line="157" />
      <source>Find</source>
      <translation>Tìm</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/reader/view.py" line="160" />
      <source>Find in this article (Ctrl+F)</source>
      <translation>Tìm trong bài này (Ctrl+F)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/reader/view.py" line="163" />
      <source>A−</source>
      <translation>A−</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/reader/view.py" line="163" />
      <source>Smaller text</source>
      <translation>Chữ nhỏ hơn</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/reader/view.py" line="166" />
      <source>A+</source>
      <translation>A+</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/reader/view.py" line="166" />
      <source>Larger text</source>
      <translation>Chữ lớn hơn</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/reader/view.py" line="170" />
      <source>100%</source>
      <translation>100%</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/reader/view.py" line="170" />
      <source>Reset text size</source>
      <translation>Cỡ chữ mặc định</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/reader/view.py" line="172" />
      <source>Serif</source>
      <translation>Có chân</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/reader/view.py" line="174" />
      <source>Serif or sans-serif text</source>
      <translation>Phông chữ có chân hoặc không chân</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/reader/view.py" line="178" />
      <source>Show original</source>
      <translation>Xem bản gốc</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/reader/view.py" line="180" />
      <source>Show the stored original (sanitized, offline)</source>
      <translation>Xem bản gốc đã lưu (đã làm sạch, ngoại tuyến)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/reader/view.py" line="377" />
      <source>no hits</source>
      <translation>không có kết quả</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/reader/view.py" line="380" />
      <source>hit {n} of {total}</source>
      <translation>kết quả {n} / {total}</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/reader/view.py" line="478" />
      <source>No original is available here.</source>
      <translation>Không có bản gốc ở đây.</translation>
    </message>
  </context>
  <context>
    <name>SearchBar</name>
    <message>
      <location filename="../../desktop/ui/search_bar.py" line="51" />
      <source>Search the library (accents optional: “doi tuyen” finds “đội tuyển”)</source>
      <translation>Tìm trong thư viện (không cần dấu: “doi tuyen” vẫn tìm thấy “đội tuyển”)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/search_bar.py" line="56" />
      <source>Relevance</source>
      <translation>Liên quan nhất</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/search_bar.py" line="57" />
      <source>Newest first</source>
      <translation>Mới nhất trước</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/search_bar.py" line="58" />
      <source>Oldest first</source>
      <translation>Cũ nhất trước</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/search_bar.py" line="59" />
      <source>Sort results</source>
      <translation>Sắp xếp kết quả</translation>
    </message>
    <message numerus="yes">
      <location filename="../../desktop/ui/search_bar.py" line="128" />
      <source>%n article(s)</source>
      <translation>
        <numerusform>%n bài viết</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../../desktop/ui/search_bar.py" line="130" />
      <source>about %n article(s)</source>
      <translation>
        <numerusform>khoảng %n bài viết</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../desktop/ui/search_bar.py" line="132" />
      <source>{ms:.0f} ms</source>
      <translation>{ms:.0f} ms</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/search_bar.py" line="145" />
      <source>Searching…</source>
      <translation>Đang tìm…</translation>
    </message>
  </context>
  <context>
    <name>SettingsDialog</name>
    <message>
      <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="14" />
      <source>Settings</source>
      <translation>Cài đặt</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="18" />
      <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="23" />
      <source>Follow the system</source>
      <translation>Theo hệ thống</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="19" />
      <source>Light</source>
      <translation>Sáng</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="20" />
      <source>Dark</source>
      <translation>Tối</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="28" />
      <source>A new language applies fully after a restart.</source>
      <translation>Ngôn ngữ mới được áp dụng đầy đủ sau khi khởi động lại.</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="36" />
      <source>Theme:</source>
      <translation>Giao diện:</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="37" />
      <source>Language:</source>
      <translation>Ngôn ngữ:</translation>
    </message>
  </context>
  <context>
    <name>main_window</name>
    <message>
      <location filename="../../desktop/ui/annotations/install.py" line="30" />
      <source>Annotations</source>
      <translation>Chú thích</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/annotations/install.py" line="33" />
      <source>All annotations</source>
      <translation>Tất cả chú thích</translation>
    </message>
  </context>
</TS>