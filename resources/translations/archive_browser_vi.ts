<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/about.py" line="45"/>
        <source>About {app}</source>
        <translation>Giới thiệu {app}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/about.py" line="50"/>
        <source>An offline library for collections of web articles.</source>
        <translation>Thư viện ngoại tuyến cho các bộ sưu tập bài viết trên web.</translation>
    </message>
</context>
<context>
    <name>AnnotationCommands</name>
    <message>
        <location filename="../../desktop/ui/annotations/commands.py" line="49"/>
        <source>Add annotation</source>
        <translation>Thêm chú thích</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations/commands.py" line="65"/>
        <source>Edit annotation</source>
        <translation>Sửa chú thích</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations/commands.py" line="79"/>
        <source>Delete annotation</source>
        <translation>Xoá chú thích</translation>
    </message>
</context>
<context>
    <name>AnnotationController</name>
    <message>
        <location filename="../../desktop/ui/annotations/controller.py" line="82"/>
        <source>Annotate</source>
        <translation>Chú thích</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations/controller.py" line="86"/>
        <location filename="../../desktop/ui/annotations/controller.py" line="151"/>
        <source>Annotate the selected passage (Ctrl+Shift+A)</source>
        <translation>Chú thích đoạn đã chọn (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations/controller.py" line="88"/>
        <source>Undo</source>
        <translation>Hoàn tác</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations/controller.py" line="90"/>
        <source>Redo</source>
        <translation>Làm lại</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations/controller.py" line="102"/>
        <source>Delete annotation</source>
        <translation>Xoá chú thích</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations/controller.py" line="131"/>
        <source>Your account on this server library can search and read but not change it, so annotations cannot be added or changed. Ask the library&apos;s administrator for write access.</source>
        <translation>Tài khoản của bạn trên thư viện máy chủ này chỉ được tìm kiếm và đọc, không được thay đổi, nên không thể thêm hay sửa chú thích. Hãy xin quản trị viên của thư viện quyền ghi.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations/controller.py" line="136"/>
        <source>This bundle is open read-only, so annotations cannot be added or changed. To annotate, copy it into a library: File ▸ Import bundle.</source>
        <translation>Gói này đang mở ở chế độ chỉ đọc nên không thể thêm hay sửa chú thích. Để chú thích, hãy chép nó vào một thư viện: Tệp ▸ Nhập gói.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations/controller.py" line="159"/>
        <source>Merge a W3C annotation file (JSON-LD)</source>
        <translation>Gộp một tệp chú thích W3C (JSON-LD)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations/controller.py" line="340"/>
        <source>Exported {n} annotation(s) to {path}</source>
        <translation>Đã xuất {n} chú thích ra {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations/controller.py" line="356"/>
        <source>Imported: {a} added, {u} updated, {o} orphaned, {f} failed</source>
        <translation>Đã nhập: {a} thêm mới, {u} cập nhật, {o} mất neo, {f} lỗi</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations/controller.py" line="366"/>
        <source>W3C Web Annotations (*.jsonld)</source>
        <translation>Chú thích web W3C (*.jsonld)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations/controller.py" line="367"/>
        <source>CSV for spreadsheets (*.csv)</source>
        <translation>CSV cho bảng tính (*.csv)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations/controller.py" line="368"/>
        <source>Markdown for Obsidian/Logseq (*.md)</source>
        <translation>Markdown cho Obsidian/Logseq (*.md)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations/controller.py" line="369"/>
        <source>REFI-QDA project (*.qdpx)</source>
        <translation>Dự án REFI-QDA (*.qdpx)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations/controller.py" line="373"/>
        <source>Export annotations</source>
        <translation>Xuất chú thích</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations/controller.py" line="390"/>
        <source>W3C Web Annotations (*.jsonld *.json *.jsonl)</source>
        <translation>Chú thích Web W3C (*.jsonld *.json *.jsonl)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations/controller.py" line="389"/>
        <source>Import annotations</source>
        <translation>Nhập chú thích</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations/controller.py" line="404"/>
        <source>Select a passage to annotate first.</source>
        <translation>Hãy chọn một đoạn văn để chú thích trước.</translation>
    </message>
</context>
<context>
    <name>AnnotationEditor</name>
    <message>
        <location filename="../../desktop/ui/annotations/editor.py" line="73"/>
        <source>Annotation</source>
        <translation>Chú thích</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations/editor.py" line="96"/>
        <source>Note (Markdown)</source>
        <translation>Ghi chú (Markdown)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations/editor.py" line="99"/>
        <source>tags, comma separated: policy/funding, …</source>
        <translation>thẻ, cách nhau bằng dấu phẩy: chính-sách/tài-trợ, …</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations/editor.py" line="110"/>
        <source>Colour</source>
        <translation>Màu</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations/editor.py" line="111"/>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations/editor.py" line="112"/>
        <source>Tags</source>
        <translation>Thẻ</translation>
    </message>
</context>
<context>
    <name>AnnotationLabels</name>
    <message>
        <location filename="../../desktop/ui/annotations/labels.py" line="16"/>
        <source>yellow</source>
        <translation>vàng</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations/labels.py" line="17"/>
        <source>green</source>
        <translation>xanh lá</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations/labels.py" line="18"/>
        <source>blue</source>
        <translation>xanh dương</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations/labels.py" line="19"/>
        <source>pink</source>
        <translation>hồng</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations/labels.py" line="20"/>
        <source>orange</source>
        <translation>cam</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations/labels.py" line="21"/>
        <source>purple</source>
        <translation>tím</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations/labels.py" line="28"/>
        <source>anchored</source>
        <translation>đã neo</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations/labels.py" line="29"/>
        <source>orphaned</source>
        <translation>mất neo</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations/labels.py" line="37"/>
        <source>Quote</source>
        <translation>Trích dẫn</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations/labels.py" line="38"/>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations/labels.py" line="39"/>
        <source>Tags</source>
        <translation>Thẻ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations/labels.py" line="40"/>
        <source>Colour</source>
        <translation>Màu</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations/labels.py" line="41"/>
        <source>Article</source>
        <translation>Bài viết</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations/labels.py" line="42"/>
        <source>Created</source>
        <translation>Ngày tạo</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations/labels.py" line="43"/>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations/labels.py" line="44"/>
        <source>Author</source>
        <translation>Người tạo</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations/labels.py" line="51"/>
        <location filename="../../desktop/ui/annotations/labels.py" line="60"/>
        <source>unknown</source>
        <translation>không rõ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations/labels.py" line="53"/>
        <source>{name} (you)</source>
        <translation>{name} (bạn)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations/labels.py" line="59"/>
        <source>By {name}</source>
        <translation>Do {name} tạo</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations/labels.py" line="65"/>
        <source>This passage is no longer found in the article.</source>
        <translation>Đoạn này không còn tìm thấy trong bài viết.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations/labels.py" line="73"/>
        <source>Annotations</source>
        <translation>Chú thích</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations/labels.py" line="74"/>
        <source>All annotations</source>
        <translation>Tất cả chú thích</translation>
    </message>
</context>
<context>
    <name>AnnotationPanel</name>
    <message>
        <location filename="../../desktop/ui/annotations/panel.py" line="40"/>
        <source>Edit…</source>
        <translation>Sửa…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations/panel.py" line="41"/>
        <source>Delete</source>
        <translation>Xoá</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/annotations/panel.py" line="82"/>
        <source>%n annotation(s)</source>
        <translation>
            <numerusform>%n chú thích</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AnnotationsView</name>
    <message>
        <location filename="../../desktop/ui/annotations/library_view.py" line="56"/>
        <source>Filter quotes and notes…</source>
        <translation>Lọc trích dẫn và ghi chú…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations/library_view.py" line="62"/>
        <source>Any colour</source>
        <translation>Mọi màu</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations/library_view.py" line="71"/>
        <source>Export…</source>
        <translation>Xuất…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations/library_view.py" line="73"/>
        <source>Export the annotations shown (W3C JSON-LD, CSV, Markdown, REFI-QDA)</source>
        <translation>Xuất các chú thích đang hiển thị (W3C JSON-LD, CSV, Markdown, REFI-QDA)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations/library_view.py" line="75"/>
        <source>Import…</source>
        <translation>Nhập…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations/library_view.py" line="76"/>
        <source>Merge a W3C annotation file (JSON-LD)</source>
        <translation>Gộp một tệp chú thích W3C (JSON-LD)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations/library_view.py" line="87"/>
        <source>from</source>
        <translation>từ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations/library_view.py" line="89"/>
        <source>to</source>
        <translation>đến</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations/library_view.py" line="127"/>
        <source>any</source>
        <translation>bất kỳ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations/library_view.py" line="143"/>
        <source>Any tag</source>
        <translation>Mọi thẻ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations/library_view.py" line="149"/>
        <source>Any article</source>
        <translation>Mọi bài viết</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations/library_view.py" line="179"/>
        <source>{shown} of {total}</source>
        <translation>{shown} / {total}</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../desktop/ui/app.py" line="96"/>
        <source>There is no library in {folder}. Create a new, empty library there?</source>
        <translation>Không có thư viện nào trong {folder}. Tạo một thư viện mới, trống ở đó?</translation>
    </message>
</context>
<context>
    <name>ArticleHeader</name>
    <message>
        <location filename="../../desktop/ui/reader/header.py" line="65"/>
        <source>(untitled)</source>
        <translation>(không có tiêu đề)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reader/header.py" line="67"/>
        <source>no date</source>
        <translation>không rõ ngày</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reader/header.py" line="69"/>
        <source>by {author}</source>
        <translation>tác giả {author}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reader/header.py" line="72"/>
        <source>Source: {source}</source>
        <translation>Nguồn: {source}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reader/header.py" line="77"/>
        <source>Open in your web browser</source>
        <translation>Mở bằng trình duyệt web</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reader/header.py" line="81"/>
        <source>Only http, https and mailto links are opened</source>
        <translation>Chỉ mở các liên kết http, https và mailto</translation>
    </message>
</context>
<context>
    <name>BundleController</name>
    <message>
        <location filename="../../desktop/ui/bundles/controller.py" line="131"/>
        <source>Export library as bundle</source>
        <translation>Xuất thư viện thành gói</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/bundles/controller.py" line="132"/>
        <source>All %n article(s) of this library, with their annotations.</source>
        <translation>
            <numerusform>Toàn bộ %n bài của thư viện này, kèm các chú thích.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bundles/controller.py" line="143"/>
        <source>Export current results as bundle</source>
        <translation>Xuất kết quả hiện tại thành gói</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/bundles/controller.py" line="144"/>
        <source>The %n article(s) of the current results.</source>
        <translation>
            <numerusform>%n bài trong kết quả hiện tại.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bundles/controller.py" line="152"/>
        <source>Select articles in the results first.</source>
        <translation>Hãy chọn bài trong danh sách kết quả trước.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bundles/controller.py" line="155"/>
        <source>Export selected articles as bundle</source>
        <translation>Xuất các bài đã chọn thành gói</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/bundles/controller.py" line="156"/>
        <source>The %n selected article(s).</source>
        <translation>
            <numerusform>%n bài đã chọn.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bundles/controller.py" line="178"/>
        <source>Import a bundle</source>
        <translation>Nhập một gói</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bundles/controller.py" line="183"/>
        <source>Open a bundle read-only</source>
        <translation>Mở một gói ở chế độ chỉ đọc</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bundles/controller.py" line="189"/>
        <source>Bundles (*.zip);;All files (*)</source>
        <translation>Gói (*.zip);;Mọi tệp (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bundles/controller.py" line="200"/>
        <source>Exporting bundle</source>
        <translation>Đang xuất gói</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bundles/controller.py" line="208"/>
        <source>This library is read-only.</source>
        <translation>Thư viện này chỉ đọc.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bundles/controller.py" line="211"/>
        <location filename="../../desktop/ui/bundles/controller.py" line="222"/>
        <source>Wait for the import to finish first.</source>
        <translation>Hãy đợi việc nhập hoàn tất trước.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bundles/controller.py" line="216"/>
        <source>Importing bundle</source>
        <translation>Đang nhập gói</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bundles/controller.py" line="227"/>
        <source>Opening bundle</source>
        <translation>Đang mở gói</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bundles/controller.py" line="233"/>
        <source>A bundle task is already running.</source>
        <translation>Đang có một tác vụ gói chạy.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/bundles/controller.py" line="266"/>
        <source>Exported %n article(s) to %1</source>
        <translation>
            <numerusform>Đã xuất %n bài vào %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/bundles/controller.py" line="272"/>
        <source>Imported %n new article(s) from the bundle</source>
        <translation>
            <numerusform>Đã nhập %n bài mới từ gói</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/bundles/controller.py" line="274"/>
        <source>(%n already in the library)</source>
        <translation>
            <numerusform>(%n bài đã có trong thư viện)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bundles/controller.py" line="292"/>
        <source>The bundle task failed: %1</source>
        <translation>Tác vụ gói thất bại: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bundles/controller.py" line="294"/>
        <source>Export bundle</source>
        <translation>Xuất gói</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bundles/controller.py" line="295"/>
        <source>Import bundle</source>
        <translation>Nhập gói</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bundles/controller.py" line="296"/>
        <source>Open bundle</source>
        <translation>Mở gói</translation>
    </message>
</context>
<context>
    <name>BundleProgressStrip</name>
    <message>
        <location filename="../../desktop/ui/bundles/progress_strip.py" line="36"/>
        <source>checking</source>
        <translation>đang kiểm tra</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bundles/progress_strip.py" line="37"/>
        <source>articles</source>
        <translation>bài viết</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bundles/progress_strip.py" line="38"/>
        <source>annotations</source>
        <translation>chú thích</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bundles/progress_strip.py" line="39"/>
        <source>search index</source>
        <translation>chỉ mục tìm kiếm</translation>
    </message>
</context>
<context>
    <name>CitationsController</name>
    <message>
        <location filename="../../desktop/ui/citations.py" line="43"/>
        <source>CSL-JSON for Zotero and Pandoc (*.json)</source>
        <translation>CSL-JSON cho Zotero và Pandoc (*.json)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/citations.py" line="44"/>
        <source>RIS for EndNote and Zotero (*.ris)</source>
        <translation>RIS cho EndNote và Zotero (*.ris)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/citations.py" line="45"/>
        <source>BibTeX for LaTeX (*.bib)</source>
        <translation>BibTeX cho LaTeX (*.bib)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/citations.py" line="60"/>
        <source>Export citations of the %n selected article(s)</source>
        <translation>
            <numerusform>Xuất trích dẫn của %n bài đã chọn</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/citations.py" line="63"/>
        <source>Export citations of the %n current result(s)</source>
        <translation>
            <numerusform>Xuất trích dẫn của %n kết quả hiện có</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/citations.py" line="79"/>
        <source>Citations are being exported.</source>
        <translation>Đang xuất trích dẫn.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/citations.py" line="98"/>
        <source>%n citation(s) written to %1</source>
        <translation>
            <numerusform>Đã ghi %n trích dẫn vào %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/citations.py" line="108"/>
        <source>Export citations</source>
        <translation>Xuất trích dẫn</translation>
    </message>
</context>
<context>
    <name>ClustersModel</name>
    <message>
        <location filename="../../desktop/ui/compare/reuse_view.py" line="44"/>
        <source>Article</source>
        <translation>Bài viết</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare/reuse_view.py" line="44"/>
        <source>Id</source>
        <translation>Mã</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare/reuse_view.py" line="44"/>
        <source>Shared text</source>
        <translation>Văn bản chung</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare/reuse_view.py" line="49"/>
        <source>Estimated share of word sequences this article has in common with the cluster&apos;s first article (a quick measure over the whole library). The compare window measures, passage by passage, how much of each text is found in the other.</source>
        <translation>Tỉ lệ ước tính các chuỗi từ mà bài này có chung với bài đầu tiên của nhóm (một phép đo nhanh trên toàn thư viện). Cửa sổ so sánh đo theo từng đoạn xem bao nhiêu phần của mỗi bài có trong bài kia.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare/reuse_view.py" line="63"/>
        <source>Cluster %1: %2 articles</source>
        <translation>Nhóm %1: %2 bài</translation>
    </message>
</context>
<context>
    <name>CompareController</name>
    <message>
        <location filename="../../desktop/ui/compare/install.py" line="100"/>
        <source>Compare with…</source>
        <translation>So sánh với…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare/install.py" line="102"/>
        <source>Compare this article with another one</source>
        <translation>So sánh bài này với một bài khác</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare/install.py" line="107"/>
        <source>Similar articles</source>
        <translation>Bài tương tự</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare/install.py" line="110"/>
        <source>Reused text</source>
        <translation>Văn bản dùng lại</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare/install.py" line="210"/>
        <source>Compare: %1 / %2</source>
        <translation>So sánh: %1 / %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare/install.py" line="225"/>
        <source>Comparison saved to %s</source>
        <translation>Đã lưu bản so sánh vào %s</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <location filename="../../desktop/ui/compare/view.py" line="74"/>
        <source>How much of each article&apos;s text is found in the other, passage by passage (exact or reworded). The Reused text panel gives a quicker estimate for the whole library: the share of word sequences two articles have in common.</source>
        <translation>Bao nhiêu phần văn bản của mỗi bài có trong bài kia, theo từng đoạn (giống hệt hoặc viết lại). Bảng Văn bản dùng lại cho một ước tính nhanh hơn trên toàn thư viện: tỉ lệ các chuỗi từ hai bài có chung.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare/view.py" line="100"/>
        <source>Previous difference</source>
        <translation>Khác biệt trước</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare/view.py" line="102"/>
        <source>Next difference</source>
        <translation>Khác biệt sau</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare/view.py" line="104"/>
        <source>Swap sides</source>
        <translation>Đổi bên</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare/view.py" line="105"/>
        <source>Scroll together</source>
        <translation>Cuộn cùng nhau</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare/view.py" line="108"/>
        <source>Export report…</source>
        <translation>Xuất báo cáo…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare/view.py" line="129"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare/view.py" line="141"/>
        <source>Choose two articles to compare.</source>
        <translation>Hãy chọn hai bài để so sánh.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare/view.py" line="194"/>
        <source>Comparing…</source>
        <translation>Đang so sánh…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare/view.py" line="208"/>
        <source>The comparison failed: %s</source>
        <translation>So sánh thất bại: %s</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare/view.py" line="317"/>
        <source>&lt;b&gt;%1&lt;/b&gt; of A found in B</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; của A có trong B</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare/view.py" line="318"/>
        <source>&lt;b&gt;%1&lt;/b&gt; of B found in A</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; của B có trong A</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/compare/view.py" line="319"/>
        <source>%n same</source>
        <translation>
            <numerusform>%n giống nhau</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/compare/view.py" line="320"/>
        <source>%n changed</source>
        <translation>
            <numerusform>%n đã sửa</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/compare/view.py" line="321"/>
        <source>%n only in A</source>
        <translation>
            <numerusform>%n chỉ có ở A</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/compare/view.py" line="322"/>
        <source>%n only in B</source>
        <translation>
            <numerusform>%n chỉ có ở B</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare/view.py" line="332"/>
        <source>No differences</source>
        <translation>Không có khác biệt</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/compare/view.py" line="334"/>
        <source>%n difference(s)</source>
        <translation>
            <numerusform>%n khác biệt</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare/view.py" line="337"/>
        <source>Difference %1 of %2</source>
        <translation>Khác biệt %1 / %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare/view.py" line="445"/>
        <source>Export comparison</source>
        <translation>Xuất bản so sánh</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare/view.py" line="447"/>
        <source>HTML report (*.html)</source>
        <translation>Báo cáo HTML (*.html)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare/view.py" line="461"/>
        <source>Report saved to %1</source>
        <translation>Đã lưu báo cáo vào %1</translation>
    </message>
</context>
<context>
    <name>CompareWithDialog</name>
    <message>
        <location filename="../../desktop/ui/compare/install.py" line="45"/>
        <source>Compare with…</source>
        <translation>So sánh với…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare/install.py" line="51"/>
        <source>or type an article id (or its first characters)</source>
        <translation>hoặc gõ mã bài (hoặc vài ký tự đầu)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare/install.py" line="57"/>
        <source>Compare</source>
        <translation>So sánh</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare/install.py" line="83"/>
        <source>Choose an article or type its id.</source>
        <translation>Hãy chọn một bài hoặc gõ mã của bài.</translation>
    </message>
</context>
<context>
    <name>CoreMessages</name>
    <message>
        <location filename="../../desktop/ui/core_messages.py" line="22"/>
        <source>Unbalanced quote: a phrase needs a closing &quot;.</source>
        <translation>Thiếu dấu ngoặc kép: cụm từ cần một dấu &quot; đóng.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/core_messages.py" line="23"/>
        <source>Unbalanced bracket: write ranges as [2023-01-01 TO 2023-06-30].</source>
        <translation>Thiếu dấu ngoặc vuông: viết khoảng ngày như [2023-01-01 TO 2023-06-30].</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/core_messages.py" line="24"/>
        <source>Unbalanced parenthesis: a &apos;)&apos; has no matching &apos;(&apos;.</source>
        <translation>Thiếu dấu ngoặc: dấu &apos;)&apos; không có dấu &apos;(&apos; tương ứng.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/core_messages.py" line="25"/>
        <source>Unbalanced parenthesis: a &apos;(&apos; is never closed.</source>
        <translation>Thiếu dấu ngoặc: dấu &apos;(&apos; chưa được đóng.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/core_messages.py" line="26"/>
        <source>Unexpected {token} in the query.</source>
        <translation>Không hiểu {token} trong truy vấn.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/core_messages.py" line="27"/>
        <source>OR needs a word on both sides.</source>
        <translation>OR cần một từ ở cả hai bên.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/core_messages.py" line="28"/>
        <source>AND needs a word on both sides.</source>
        <translation>AND cần một từ ở cả hai bên.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/core_messages.py" line="29"/>
        <source>{word} needs a word after it.</source>
        <translation>{word} cần một từ đứng sau.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/core_messages.py" line="30"/>
        <source>The query is nested too deeply.</source>
        <translation>Truy vấn lồng nhau quá sâu.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/core_messages.py" line="31"/>
        <source>A date range needs a field: published:[2023-01-01 TO 2023-06-30].</source>
        <translation>Khoảng ngày cần một trường: published:[2023-01-01 TO 2023-06-30].</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/core_messages.py" line="32"/>
        <source>Unknown field {field}; use one of {names}.</source>
        <translation>Không có trường {field}; hãy dùng một trong {names}.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/core_messages.py" line="33"/>
        <source>{field}: needs a value after it.</source>
        <translation>{field}: cần một giá trị đứng sau.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/core_messages.py" line="34"/>
        <source>Ranges work only with published:, not {field}:.</source>
        <translation>Khoảng chỉ dùng được với published:, không dùng với {field}:.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/core_messages.py" line="35"/>
        <source>Bad date {date}: use 2023, 2023-05 or 2023-05-01.</source>
        <translation>Ngày {date} không hợp lệ: hãy viết 2023, 2023-05 hoặc 2023-05-01.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/core_messages.py" line="36"/>
        <source>Bad date {date}: no such day or month.</source>
        <translation>Ngày {date} không hợp lệ: không có ngày hoặc tháng đó.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/core_messages.py" line="37"/>
        <source>Bad date range {range}: write [2023-01-01 TO 2023-06-30].</source>
        <translation>Khoảng ngày {range} không hợp lệ: hãy viết [2023-01-01 TO 2023-06-30].</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/core_messages.py" line="38"/>
        <source>A date range needs at least one date.</source>
        <translation>Khoảng ngày cần ít nhất một ngày.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/core_messages.py" line="39"/>
        <source>Bad date range {range}: the start is after the end.</source>
        <translation>Khoảng ngày {range} không hợp lệ: ngày đầu sau ngày cuối.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/core_messages.py" line="40"/>
        <source>The query is too long (over {limit} characters).</source>
        <translation>Truy vấn quá dài (hơn {limit} ký tự).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/core_messages.py" line="41"/>
        <source>The query has no words to search for.</source>
        <translation>Truy vấn không có từ nào để tìm.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/core_messages.py" line="42"/>
        <source>No article contains all of the words; showing the best partial matches.</source>
        <translation>Không bài nào chứa đủ mọi từ; đang hiện các bài khớp một phần tốt nhất.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/core_messages.py" line="43"/>
        <source>A quote was not closed: searched the rest of the query as a phrase.</source>
        <translation>Một dấu ngoặc kép chưa được đóng: phần còn lại của truy vấn được tìm như một cụm từ.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/core_messages.py" line="44"/>
        <source>The query is long: searched its first {limit} characters.</source>
        <translation>Truy vấn dài: chỉ tìm {limit} ký tự đầu.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/core_messages.py" line="45"/>
        <source>The disk is full, so the search index is behind the library: the newest articles may be missing until space is freed.</source>
        <translation>Ổ đĩa đã đầy nên chỉ mục tìm kiếm chưa theo kịp thư viện: các bài mới nhất có thể chưa hiện cho đến khi giải phóng dung lượng.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/core_messages.py" line="46"/>
        <source>The search index is being updated: the newest articles may be missing from these results.</source>
        <translation>Chỉ mục tìm kiếm đang được cập nhật: các bài mới nhất có thể chưa có trong kết quả này.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/core_messages.py" line="47"/>
        <source>The search index is damaged and is being rebuilt: until it is ready, results come from reading every article, which is slower.</source>
        <translation>Chỉ mục tìm kiếm bị hỏng và đang được xây dựng lại: trong lúc chờ, kết quả có được nhờ đọc từng bài, nên chậm hơn.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/core_messages.py" line="48"/>
        <source>The search index is damaged and this library is read-only, so it cannot be rebuilt here: results come from reading every article, which is slower.</source>
        <translation>Chỉ mục tìm kiếm bị hỏng và thư viện này chỉ đọc, nên không thể xây dựng lại ở đây: kết quả có được nhờ đọc từng bài, nên chậm hơn.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/core_messages.py" line="49"/>
        <source>The search index is damaged and could not be rebuilt ({error}): results come from reading every article. Run &apos;archive-browser reindex&apos;.</source>
        <translation>Chỉ mục tìm kiếm bị hỏng và không thể xây dựng lại ({error}): kết quả có được nhờ đọc từng bài. Hãy chạy &apos;archive-browser reindex&apos;.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/core_messages.py" line="50"/>
        <source>The search index folder {path} is a file, not a folder: searching a temporary index. Move the file away to keep the index between sessions.</source>
        <translation>Thư mục chỉ mục tìm kiếm {path} là một tệp, không phải thư mục: đang tìm trên chỉ mục tạm. Hãy chuyển tệp đó đi để giữ chỉ mục giữa các phiên.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/core_messages.py" line="52"/>
        <source>damaged or truncated archive ({damage}); {records} intact record(s) were read</source>
        <translation>kho lưu trữ bị hỏng hoặc bị cắt cụt ({damage}); đọc được {records} bản ghi nguyên vẹn</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/core_messages.py" line="53"/>
        <source>{label}the document is empty</source>
        <translation>{label}tài liệu trống</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/core_messages.py" line="54"/>
        <source>{label}no article text found (only page chrome)</source>
        <translation>{label}không tìm thấy nội dung bài (chỉ có phần khung trang)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/core_messages.py" line="55"/>
        <source>{label}no article text found</source>
        <translation>{label}không tìm thấy nội dung bài</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/core_messages.py" line="56"/>
        <source>empty file</source>
        <translation>tệp trống</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/core_messages.py" line="57"/>
        <source>empty page</source>
        <translation>trang trống</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/core_messages.py" line="58"/>
        <source>binary file, not text (it contains NUL bytes)</source>
        <translation>tệp nhị phân, không phải văn bản (có byte NUL)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/core_messages.py" line="59"/>
        <source>binary file, not text (too many control characters)</source>
        <translation>tệp nhị phân, không phải văn bản (quá nhiều ký tự điều khiển)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/core_messages.py" line="60"/>
        <source>undecodable text: no character encoding fits (binary file?)</source>
        <translation>không giải mã được văn bản: không bảng mã nào phù hợp (tệp nhị phân?)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/core_messages.py" line="61"/>
        <source>no article text found in the HTML page</source>
        <translation>không tìm thấy nội dung bài trong trang HTML</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/core_messages.py" line="62"/>
        <source>not valid JSON ({detail})</source>
        <translation>JSON không hợp lệ ({detail})</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/core_messages.py" line="63"/>
        <source>the record has no body text (body, text or content)</source>
        <translation>bản ghi không có nội dung (body, text hoặc content)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/core_messages.py" line="64"/>
        <source>the member is damaged: {detail}</source>
        <translation>tệp con bị hỏng: {detail}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/core_messages.py" line="65"/>
        <source>cannot read the member: {detail}</source>
        <translation>không đọc được tệp con: {detail}</translation>
    </message>
</context>
<context>
    <name>EmptyLibraryScreen</name>
    <message>
        <location filename="../../desktop/ui/empty_state.py" line="34"/>
        <source>Your library is empty</source>
        <translation>Thư viện của bạn đang trống</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/empty_state.py" line="43"/>
        <source>Import articles to start: text files, HTML pages, WARC/WACZ web archives, JSON Lines, or zip files holding any of these.

Use the buttons below, {file} ▸ {item} (Ctrl+O), or drop files and folders onto this window. Everything stays on this computer.

To try search, compare and annotations first, open the sample library: a few short articles that ship with the app.</source>
        <translation>Hãy nhập bài viết để bắt đầu: tệp văn bản, trang HTML, kho lưu trữ web WARC/WACZ, JSON Lines, hoặc tệp zip chứa các loại trên.

Dùng các nút bên dưới, {file} ▸ {item} (Ctrl+O), hoặc kéo thả tệp và thư mục vào cửa sổ này. Mọi dữ liệu đều ở lại trên máy tính này.

Để thử tìm kiếm, so sánh và chú thích trước, hãy mở thư viện mẫu: vài bài viết ngắn đi kèm ứng dụng.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/empty_state.py" line="57"/>
        <source>Import files…</source>
        <translation>Nhập tệp…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/empty_state.py" line="60"/>
        <source>Import a folder…</source>
        <translation>Nhập một thư mục…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/empty_state.py" line="61"/>
        <source>Open the sample library</source>
        <translation>Mở thư viện mẫu</translation>
    </message>
</context>
<context>
    <name>ExportOptionsDialog</name>
    <message>
        <location filename="../../desktop/ui/bundles/options_dialog.py" line="40"/>
        <source>Browse…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bundles/options_dialog.py" line="42"/>
        <source>Include the original files (larger bundle)</source>
        <translation>Kèm các tệp gốc (gói lớn hơn)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bundles/options_dialog.py" line="49"/>
        <source>Export</source>
        <translation>Xuất</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bundles/options_dialog.py" line="74"/>
        <source>Bundles (*.zip)</source>
        <translation>Gói (*.zip)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bundles/options_dialog.py" line="81"/>
        <source>Choose a file for the bundle.</source>
        <translation>Hãy chọn tệp cho gói.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bundles/options_dialog.py" line="84"/>
        <source>That folder does not exist.</source>
        <translation>Thư mục đó không tồn tại.</translation>
    </message>
</context>
<context>
    <name>FacetModel</name>
    <message>
        <location filename="../../desktop/ui/facets/model.py" line="65"/>
        <source>Sites</source>
        <translation>Trang</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/facets/model.py" line="65"/>
        <source>Years</source>
        <translation>Năm</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/facets/model.py" line="65"/>
        <source>Tags</source>
        <translation>Nhãn</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/facets/model.py" line="217"/>
        <source>%1: %2 article(s)</source>
        <translation>%1: %2 bài</translation>
    </message>
</context>
<context>
    <name>FailuresModel</name>
    <message>
        <location filename="../../desktop/ui/importing/report_dialog.py" line="40"/>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/importing/report_dialog.py" line="40"/>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../desktop/ui/reader/find_bar.py" line="53"/>
        <source>Find in article</source>
        <translation>Tìm trong bài</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reader/find_bar.py" line="58"/>
        <source>Previous match (Shift+Enter)</source>
        <translation>Kết quả trước (Shift+Enter)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reader/find_bar.py" line="61"/>
        <source>Next match (Enter)</source>
        <translation>Kết quả sau (Enter)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reader/find_bar.py" line="64"/>
        <source>Close (Esc)</source>
        <translation>Đóng (Esc)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reader/find_bar.py" line="67"/>
        <source>Find:</source>
        <translation>Tìm:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reader/find_bar.py" line="89"/>
        <source>no match</source>
        <translation>không thấy</translation>
    </message>
</context>
<context>
    <name>ImportPanel</name>
    <message>
        <location filename="../../desktop/ui/importing/progress_panel.py" line="27"/>
        <location filename="../../desktop/ui/importing/progress_panel.py" line="59"/>
        <source>Importing…</source>
        <translation>Đang nhập…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/importing/progress_panel.py" line="40"/>
        <location filename="../../desktop/ui/importing/progress_panel.py" line="64"/>
        <source>Cancel</source>
        <translation>Huỷ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/importing/progress_panel.py" line="69"/>
        <source>Cancelling…</source>
        <translation>Đang huỷ…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/importing/progress_panel.py" line="85"/>
        <source>{imported} new · {duplicates} duplicates · {failed} failed</source>
        <translation>{imported} mới · {duplicates} trùng · {failed} lỗi</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/importing/progress_panel.py" line="91"/>
        <source>Updating the search index…</source>
        <translation>Đang cập nhật chỉ mục tìm kiếm…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/importing/progress_panel.py" line="97"/>
        <source>{done} of {total} indexed</source>
        <translation>đã lập chỉ mục {done} / {total}</translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <location filename="../../desktop/ui/importing/report_dialog.py" line="78"/>
        <source>Imported {imported} articles; {duplicates} duplicates skipped; {failed} failed.</source>
        <translation>Đã nhập {imported} bài; bỏ qua {duplicates} bài trùng; {failed} lỗi.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/importing/report_dialog.py" line="85"/>
        <source>The import was cancelled; what was imported before is kept.</source>
        <translation>Việc nhập đã bị huỷ; những gì đã nhập trước đó vẫn được giữ lại.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/importing/report_dialog.py" line="91"/>
        <source>{source}: same text as “{title}” ({id})</source>
        <translation>{source}: trùng nội dung với “{title}” ({id})</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/importing/report_dialog.py" line="98"/>
        <source>… and {n} more</source>
        <translation>… và {n} mục nữa</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/importing/report_dialog.py" line="104"/>
        <source>Import report</source>
        <translation>Báo cáo nhập</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/importing/report_dialog.py" line="131"/>
        <source>Details</source>
        <translation>Chi tiết</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/importing/report_dialog.py" line="134"/>
        <source>Copy</source>
        <translation>Sao chép</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/importing/report_dialog.py" line="135"/>
        <source>Copy every failed file and its reason</source>
        <translation>Sao chép mọi tệp lỗi kèm lý do</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/importing/report_dialog.py" line="148"/>
        <source>These files could not be imported:</source>
        <translation>Không thể nhập các tệp sau:</translation>
    </message>
</context>
<context>
    <name>ListsController</name>
    <message>
        <location filename="../../desktop/ui/lists/controller.py" line="113"/>
        <source>Clear Search History</source>
        <translation>Xoá lịch sử tìm kiếm</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lists/controller.py" line="106"/>
        <source>Save Search…</source>
        <translation>Lưu tìm kiếm…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lists/controller.py" line="108"/>
        <source>Save the query, its filters and sort under a name (Ctrl+S)</source>
        <translation>Lưu truy vấn cùng bộ lọc và cách sắp xếp dưới một tên (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lists/controller.py" line="110"/>
        <source>Add to Collection…</source>
        <translation>Thêm vào bộ sưu tập…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lists/controller.py" line="111"/>
        <source>Mark as Read</source>
        <translation>Đánh dấu đã đọc</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lists/controller.py" line="112"/>
        <source>Mark as Unread</source>
        <translation>Đánh dấu chưa đọc</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lists/controller.py" line="114"/>
        <source>Unread Only</source>
        <translation>Chỉ bài chưa đọc</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lists/controller.py" line="115"/>
        <source>Show only the articles not read yet</source>
        <translation>Chỉ hiện các bài viết chưa đọc</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lists/controller.py" line="217"/>
        <source>Save search</source>
        <translation>Lưu tìm kiếm</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lists/controller.py" line="218"/>
        <source>Name of the saved search:</source>
        <translation>Tên của tìm kiếm đã lưu:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lists/controller.py" line="220"/>
        <source>All articles</source>
        <translation>Tất cả bài viết</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lists/controller.py" line="229"/>
        <source>Replace the saved search “%1”?</source>
        <translation>Thay thế tìm kiếm đã lưu “%1”?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lists/controller.py" line="237"/>
        <source>Saved the search “%1”.</source>
        <translation>Đã lưu tìm kiếm “%1”.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lists/controller.py" line="357"/>
        <source>Rename saved search</source>
        <translation>Đổi tên tìm kiếm đã lưu</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lists/controller.py" line="358"/>
        <source>New name:</source>
        <translation>Tên mới:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lists/controller.py" line="301"/>
        <source>Select articles in the results first.</source>
        <translation>Hãy chọn bài viết trong kết quả trước.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lists/controller.py" line="306"/>
        <source>Add to collection</source>
        <translation>Thêm vào bộ sưu tập</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/lists/controller.py" line="307"/>
        <source>Add %n article(s) to the collection (choose or type a new name):</source>
        <translation>
            <numerusform>Thêm %n bài viết vào bộ sưu tập (chọn hoặc gõ tên mới):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/lists/controller.py" line="324"/>
        <source>Added %n article(s) to “%1”.</source>
        <translation>
            <numerusform>Đã thêm %n bài viết vào “%1”.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lists/controller.py" line="357"/>
        <source>Rename collection</source>
        <translation>Đổi tên bộ sưu tập</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lists/controller.py" line="365"/>
        <source>Delete the collection “%1”? Its articles stay in the library.</source>
        <translation>Xoá bộ sưu tập “%1”? Các bài viết của nó vẫn ở trong thư viện.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lists/controller.py" line="412"/>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lists/controller.py" line="413"/>
        <location filename="../../desktop/ui/lists/controller.py" line="424"/>
        <source>Rename…</source>
        <translation>Đổi tên…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lists/controller.py" line="414"/>
        <location filename="../../desktop/ui/lists/controller.py" line="425"/>
        <source>Delete</source>
        <translation>Xoá</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lists/controller.py" line="417"/>
        <source>Show</source>
        <translation>Hiện</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lists/controller.py" line="419"/>
        <source>Remove Selected Results from This Collection</source>
        <translation>Bỏ các kết quả đã chọn khỏi bộ sưu tập này</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lists/controller.py" line="423"/>
        <source>Export as Bundle…</source>
        <translation>Xuất thành gói…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lists/controller.py" line="442"/>
        <source>Archive Browser</source>
        <translation>Archive Browser</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lists/install.py" line="89"/>
        <source>Saved searches and collections</source>
        <translation>Tìm kiếm đã lưu và bộ sưu tập</translation>
    </message>
</context>
<context>
    <name>ListsModel</name>
    <message>
        <location filename="../../desktop/ui/lists/model.py" line="145"/>
        <source>Save the current search with Edit ▸ Save Search… (Ctrl+S)</source>
        <translation>Lưu tìm kiếm hiện tại bằng Sửa ▸ Lưu tìm kiếm… (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lists/model.py" line="147"/>
        <source>Put selected results in a collection with Edit ▸ Add to Collection… (Ctrl+Shift+L)</source>
        <translation>Đưa các kết quả đã chọn vào bộ sưu tập bằng Sửa ▸ Thêm vào bộ sưu tập… (Ctrl+Shift+L)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lists/model.py" line="48"/>
        <source>Saved searches</source>
        <translation>Tìm kiếm đã lưu</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lists/model.py" line="48"/>
        <source>Collections</source>
        <translation>Bộ sưu tập</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/lists/model.py" line="156"/>
        <source>%1 (%n new)</source>
        <translation>
            <numerusform>%1 (%n mới)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lists/model.py" line="161"/>
        <source>(every article)</source>
        <translation>(mọi bài viết)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/lists/model.py" line="162"/>
        <source>Show the %n article(s) of this collection</source>
        <translation>
            <numerusform>Hiện %n bài viết của bộ sưu tập này</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="296"/>
        <source>(read-only)</source>
        <translation>(chỉ đọc)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="392"/>
        <source>Select exactly two results to compare.</source>
        <translation>Hãy chọn đúng hai kết quả để so sánh.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/main_window.py" line="438"/>
        <source>%n article(s) in this library</source>
        <translation>
            <numerusform>Thư viện có %n bài viết</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="475"/>
        <source>Import files</source>
        <translation>Nhập tệp</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="477"/>
        <source>Articles and archives (%1);;All files (*)</source>
        <translation>Bài viết và kho lưu trữ (%1);;Mọi tệp (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="486"/>
        <source>Import a folder</source>
        <translation>Nhập một thư mục</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="291"/>
        <source>This library is read-only.</source>
        <translation>Thư viện này chỉ đọc.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="289"/>
        <source>Your account can search and read this server library, not change it.</source>
        <translation>Tài khoản của bạn chỉ được tìm kiếm và đọc thư viện máy chủ này, không được thay đổi.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="496"/>
        <source>Wait for the bundle task to finish.</source>
        <translation>Hãy đợi tác vụ gói hoàn tất.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="501"/>
        <source>An import is already running.</source>
        <translation>Đang có một lần nhập khác chạy.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="540"/>
        <source>Import</source>
        <translation>Nhập</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="558"/>
        <source>Create a library in…</source>
        <translation>Tạo thư viện trong…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="558"/>
        <source>Open a library folder</source>
        <translation>Mở thư mục thư viện</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="579"/>
        <location filename="../../desktop/ui/main_window.py" line="617"/>
        <location filename="../../desktop/ui/main_window.py" line="693"/>
        <source>Wait for the import to finish first.</source>
        <translation>Hãy đợi việc nhập hoàn tất trước.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="586"/>
        <source>Open library</source>
        <translation>Mở thư viện</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="630"/>
        <source>Open server library</source>
        <translation>Mở thư viện máy chủ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="637"/>
        <source>Opened the server library {address}</source>
        <translation>Đã mở thư viện máy chủ {address}</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <location filename="../../desktop/ui/menus.py" line="50"/>
        <source>&amp;Full Screen</source>
        <translation>Toàn &amp;màn hình</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/menus.py" line="52"/>
        <source>&amp;Quit</source>
        <translation>&amp;Thoát</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/menus.py" line="54"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Cài đặt…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/menus.py" line="56"/>
        <source>&amp;About Archive Browser</source>
        <translation>&amp;Giới thiệu Archive Browser</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/menus.py" line="60"/>
        <source>&amp;Import Files…</source>
        <translation>&amp;Nhập tệp…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/menus.py" line="63"/>
        <source>Import &amp;Folder…</source>
        <translation>Nhập &amp;thư mục…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/menus.py" line="65"/>
        <source>&amp;Open Library…</source>
        <translation>&amp;Mở thư viện…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/menus.py" line="66"/>
        <source>Open Ser&amp;ver Library…</source>
        <translation>Mở thư viện má&amp;y chủ…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/menus.py" line="67"/>
        <source>&amp;New Library…</source>
        <translation>Thư viện mớ&amp;i…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/menus.py" line="69"/>
        <source>&amp;Export Library as Bundle…</source>
        <translation>&amp;Xuất thư viện thành gói…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/menus.py" line="73"/>
        <source>Export Current &amp;Results as Bundle…</source>
        <translation>Xuất &amp;kết quả hiện tại thành gói…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/menus.py" line="76"/>
        <source>Export Selected Articles as &amp;Bundle…</source>
        <translation>Xuất các bài đã chọn thành &amp;gói…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/menus.py" line="78"/>
        <source>Export C&amp;itations…</source>
        <translation>Xuất tr&amp;ích dẫn…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/menus.py" line="79"/>
        <source>Import B&amp;undle…</source>
        <translation>Nhập g&amp;ói…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/menus.py" line="80"/>
        <source>Open Bundle Rea&amp;d-Only…</source>
        <translation>Mở gói c&amp;hỉ đọc…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/menus.py" line="81"/>
        <source>Open the Sa&amp;mple Library</source>
        <translation>Mở thư viện &amp;mẫu</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/menus.py" line="83"/>
        <source>Co&amp;mpare Selected</source>
        <translation>So &amp;sánh các bài đã chọn</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/menus.py" line="88"/>
        <source>&amp;Search the Library</source>
        <translation>Tìm &amp;kiếm trong thư viện</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/menus.py" line="91"/>
        <source>&amp;Clear Search</source>
        <translation>&amp;Xoá tìm kiếm</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/menus.py" line="92"/>
        <source>Clear &amp;Filters</source>
        <translation>Bỏ &amp;bộ lọc</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/menus.py" line="95"/>
        <source>About &amp;Qt</source>
        <translation>Giới thiệu &amp;Qt</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/menus.py" line="97"/>
        <source>&amp;Search Syntax</source>
        <translation>&amp;Cú pháp tìm kiếm</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/menus.py" line="100"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Phím tắt</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/menus.py" line="105"/>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/menus.py" line="126"/>
        <source>&amp;Edit</source>
        <translation>&amp;Sửa</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/menus.py" line="138"/>
        <source>&amp;View</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/menus.py" line="149"/>
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
</context>
<context>
    <name>PageIndicator</name>
    <message>
        <location filename="../../desktop/ui/reader/pages.py" line="35"/>
        <source>page {n} of {total}</source>
        <translation>trang {n} / {total}</translation>
    </message>
</context>
<context>
    <name>ReaderView</name>
    <message>
        <location filename="../../desktop/ui/reader/view.py" line="120"/>
        <source>Select an article to read it here.</source>
        <translation>Chọn một bài viết để đọc ở đây.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reader/view.py" line="162"/>
        <source>Previous search hit (Shift+F3)</source>
        <translation>Chỗ khớp trước (Shift+F3)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reader/view.py" line="166"/>
        <source>Next search hit (F3)</source>
        <translation>Chỗ khớp sau (F3)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reader/view.py" line="169"/>
        <source>Previous Hit</source>
        <translation>Kết quả trước</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reader/view.py" line="170"/>
        <source>Next Hit</source>
        <translation>Kết quả sau</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reader/view.py" line="176"/>
        <source>Find</source>
        <translation>Tìm</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reader/view.py" line="179"/>
        <source>Find in this article (Ctrl+F)</source>
        <translation>Tìm trong bài này (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reader/view.py" line="182"/>
        <source>A−</source>
        <translation>A−</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reader/view.py" line="182"/>
        <source>Smaller text</source>
        <translation>Chữ nhỏ hơn</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reader/view.py" line="185"/>
        <source>A+</source>
        <translation>A+</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reader/view.py" line="185"/>
        <source>Larger text</source>
        <translation>Chữ lớn hơn</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reader/view.py" line="189"/>
        <source>100%</source>
        <translation>100%</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reader/view.py" line="189"/>
        <source>Reset text size</source>
        <translation>Cỡ chữ mặc định</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reader/view.py" line="191"/>
        <source>Serif</source>
        <translation>Có chân</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reader/view.py" line="193"/>
        <source>Serif or sans-serif text</source>
        <translation>Phông chữ có chân hoặc không chân</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reader/view.py" line="197"/>
        <source>Show original</source>
        <translation>Xem bản gốc</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reader/view.py" line="199"/>
        <source>Show the stored original (sanitized, offline)</source>
        <translation>Xem bản gốc đã lưu (đã làm sạch, ngoại tuyến)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reader/view.py" line="425"/>
        <source>no hits</source>
        <translation>không có chỗ khớp</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reader/view.py" line="428"/>
        <source>hit {n} of {total}</source>
        <translation>khớp {n} / {total}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reader/view.py" line="531"/>
        <source>No original is available here.</source>
        <translation>Không có bản gốc ở đây.</translation>
    </message>
</context>
<context>
    <name>ReusedTextView</name>
    <message>
        <location filename="../../desktop/ui/compare/reuse_view.py" line="113"/>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare/reuse_view.py" line="116"/>
        <source>Compare with the cluster&apos;s first article</source>
        <translation>So sánh với bài đầu tiên của nhóm</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare/reuse_view.py" line="122"/>
        <location filename="../../desktop/ui/compare/reuse_view.py" line="145"/>
        <source>Find articles that reuse the same text.</source>
        <translation>Tìm các bài dùng lại cùng một đoạn văn.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare/reuse_view.py" line="124"/>
        <source>Scan library</source>
        <translation>Quét thư viện</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare/reuse_view.py" line="155"/>
        <source>Scanning the library for reused text…</source>
        <translation>Đang quét thư viện tìm văn bản dùng lại…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare/reuse_view.py" line="175"/>
        <source>The scan failed: %s</source>
        <translation>Quét thất bại: %s</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare/reuse_view.py" line="183"/>
        <source>Scanning: %1 of %2 articles…</source>
        <translation>Đang quét: %1 / %2 bài…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare/reuse_view.py" line="192"/>
        <source>%1 groups of near-duplicates (%2 articles)</source>
        <translation>%1 nhóm gần trùng lặp (%2 bài)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare/reuse_view.py" line="197"/>
        <source>No near-duplicate articles found.</source>
        <translation>Không tìm thấy bài gần trùng lặp.</translation>
    </message>
</context>
<context>
    <name>SearchBar</name>
    <message>
        <location filename="../../desktop/ui/search/bar.py" line="52"/>
        <source>Search the library (accents optional: “doi tuyen” finds “đội tuyển”)</source>
        <translation>Tìm trong thư viện (không cần dấu: “doi tuyen” vẫn tìm thấy “đội tuyển”)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/bar.py" line="57"/>
        <source>Relevance</source>
        <translation>Liên quan nhất</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/bar.py" line="58"/>
        <source>Newest first</source>
        <translation>Mới nhất trước</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/bar.py" line="59"/>
        <source>Oldest first</source>
        <translation>Cũ nhất trước</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/bar.py" line="60"/>
        <source>Sort results</source>
        <translation>Sắp xếp kết quả</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/search/bar.py" line="128"/>
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n bài viết</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/search/bar.py" line="66"/>
        <location filename="../../desktop/ui/search/bar.py" line="130"/>
        <source>about %n article(s)</source>
        <translation>
            <numerusform>khoảng %n bài viết</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/bar.py" line="133"/>
        <source>{ms:.0f} ms</source>
        <translation>{ms:.0f} ms</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/bar.py" line="138"/>
        <source>Query problem</source>
        <translation>Lỗi truy vấn</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/bar.py" line="142"/>
        <source>Searching…</source>
        <translation>Đang tìm…</translation>
    </message>
</context>
<context>
    <name>SearchSyntaxDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/help_pages.py" line="89"/>
        <source>Search syntax</source>
        <translation>Cú pháp tìm kiếm</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/help_pages.py" line="91"/>
        <source>Words are all required; diacritics are optional. Double-click an example to try it.</source>
        <translation>Bài phải chứa mọi từ; dấu thanh là tuỳ ý. Nhấp đúp vào một ví dụ để thử.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/help_pages.py" line="97"/>
        <source>Type</source>
        <translation>Gõ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/help_pages.py" line="97"/>
        <source>Finds</source>
        <translation>Tìm thấy</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/help_pages.py" line="106"/>
        <source>Both words, with or without diacritics: finds “đổi mới”.</source>
        <translation>Cả hai từ, có dấu hay không dấu: tìm thấy “đổi mới”.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/help_pages.py" line="107"/>
        <source>Typed with diacritics, exact matches rank first.</source>
        <translation>Gõ có dấu thì các bài khớp đúng dấu đứng đầu.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/help_pages.py" line="109"/>
        <source>Articles where the words stand next to each other rank first.</source>
        <translation>Bài có các từ đứng liền nhau được xếp trước.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/help_pages.py" line="110"/>
        <source>The exact phrase, its words in this order.</source>
        <translation>Đúng cụm từ, các từ theo đúng thứ tự này.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/help_pages.py" line="111"/>
        <source>Either word.</source>
        <translation>Một trong hai từ.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/help_pages.py" line="112"/>
        <source>“gốm” but not “du lịch” (also: -word).</source>
        <translation>Có “gốm” nhưng không có “du lịch” (cũng viết: -từ).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/help_pages.py" line="113"/>
        <source>Leaves out articles with “men”.</source>
        <translation>Bỏ các bài có “men”.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/help_pages.py" line="114"/>
        <source>Parentheses group the alternatives.</source>
        <translation>Dấu ngoặc nhóm các lựa chọn lại.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/help_pages.py" line="115"/>
        <source>The word in the title only.</source>
        <translation>Từ này chỉ trong tiêu đề.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/help_pages.py" line="116"/>
        <source>Articles from this site.</source>
        <translation>Bài từ trang này.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/help_pages.py" line="117"/>
        <source>Articles by this author.</source>
        <translation>Bài của tác giả này.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/help_pages.py" line="118"/>
        <source>Annotated with this tag or a tag below it.</source>
        <translation>Có chú thích gắn thẻ này hoặc thẻ con của nó.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/help_pages.py" line="119"/>
        <source>The word in your annotation notes.</source>
        <translation>Từ này trong ghi chú của bạn.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/help_pages.py" line="120"/>
        <source>Published in 2023 (also 2023-05, 2023-05-01).</source>
        <translation>Đăng năm 2023 (cũng được: 2023-05, 2023-05-01).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/help_pages.py" line="122"/>
        <source>Published between two dates (* for an open end).</source>
        <translation>Đăng trong khoảng giữa hai ngày (* để bỏ trống một đầu).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/help_pages.py" line="123"/>
        <source>Words that begin with “nông”.</source>
        <translation>Các từ bắt đầu bằng “nông”.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/help_pages.py" line="124"/>
        <source>Words spelled nearly alike (a typo or two).</source>
        <translation>Các từ viết gần giống (sai một hai chữ).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/help_pages.py" line="128"/>
        <source>The words within three words of each other.</source>
        <translation>Các từ cách nhau không quá ba từ.</translation>
    </message>
</context>
<context>
    <name>ServerLibraryDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/server_dialog.py" line="30"/>
        <source>Open Server Library</source>
        <translation>Mở thư viện máy chủ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/server_dialog.py" line="33"/>
        <source>A shared library on a PostgreSQL server: everyone who opens it searches and annotates the same articles. Ask its administrator for the address.</source>
        <translation>Thư viện dùng chung trên máy chủ PostgreSQL: mọi người mở nó đều tìm kiếm và chú thích trên cùng các bài viết. Hãy hỏi quản trị viên địa chỉ của thư viện.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/server_dialog.py" line="46"/>
        <source>The password, if the server asks for one, comes from ~/.pgpass or PGPASSWORD; a password typed into the address is used once and never saved.</source>
        <translation>Mật khẩu, nếu máy chủ yêu cầu, được lấy từ ~/.pgpass hoặc PGPASSWORD; mật khẩu gõ trong địa chỉ chỉ dùng cho lần này và không bao giờ được lưu.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/server_dialog.py" line="64"/>
        <source>Address:</source>
        <translation>Địa chỉ:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/server_dialog.py" line="79"/>
        <source>Enter an address that starts with postgresql://, such as {example}.</source>
        <translation>Hãy nhập một địa chỉ bắt đầu bằng postgresql://, ví dụ {example}.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="15"/>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="19"/>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="24"/>
        <source>Follow the system</source>
        <translation>Theo hệ thống</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="20"/>
        <source>Light</source>
        <translation>Sáng</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="21"/>
        <source>Dark</source>
        <translation>Tối</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="35"/>
        <source>Theme:</source>
        <translation>Giao diện:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="36"/>
        <source>Language:</source>
        <translation>Ngôn ngữ:</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/help_pages.py" line="158"/>
        <source>Keyboard shortcuts</source>
        <translation>Phím tắt</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/help_pages.py" line="159"/>
        <source>The keys that work in the main window.</source>
        <translation>Các phím dùng được trong cửa sổ chính.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/help_pages.py" line="164"/>
        <source>Keys</source>
        <translation>Phím</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/help_pages.py" line="164"/>
        <source>Action</source>
        <translation>Thao tác</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/help_pages.py" line="171"/>
        <source>Up, Down, Page Up, Page Down</source>
        <translation>Lên, Xuống, Page Up, Page Down</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/help_pages.py" line="172"/>
        <source>In the search box: move through the results</source>
        <translation>Trong ô tìm kiếm: di chuyển qua các kết quả</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/help_pages.py" line="173"/>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/help_pages.py" line="173"/>
        <source>Open the current result in the reader</source>
        <translation>Mở kết quả hiện tại trong khung đọc</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/help_pages.py" line="174"/>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/help_pages.py" line="174"/>
        <source>Clear the search box; close the find bar</source>
        <translation>Xoá ô tìm kiếm; đóng thanh tìm trong bài</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/help_pages.py" line="175"/>
        <source>Ctrl+click, Shift+click</source>
        <translation>Ctrl+nhấp, Shift+nhấp</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/help_pages.py" line="175"/>
        <source>Select several results</source>
        <translation>Chọn nhiều kết quả</translation>
    </message>
</context>
<context>
    <name>SimilarArticlesList</name>
    <message>
        <location filename="../../desktop/ui/compare/similar_list.py" line="51"/>
        <location filename="../../desktop/ui/compare/similar_list.py" line="98"/>
        <source>No article shown.</source>
        <translation>Chưa hiển thị bài nào.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare/similar_list.py" line="69"/>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare/similar_list.py" line="71"/>
        <source>Compare with this article</source>
        <translation>So sánh với bài này</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare/similar_list.py" line="75"/>
        <source>Compare</source>
        <translation>So sánh</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare/similar_list.py" line="115"/>
        <source>No library is open.</source>
        <translation>Chưa mở thư viện nào.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare/similar_list.py" line="106"/>
        <location filename="../../desktop/ui/compare/similar_list.py" line="117"/>
        <source>Looking for similar articles…</source>
        <translation>Đang tìm bài tương tự…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare/similar_list.py" line="134"/>
        <source>Could not find similar articles: %s</source>
        <translation>Không tìm được bài tương tự: %s</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare/similar_list.py" line="147"/>
        <source>%1 near-duplicate(s), %2 related</source>
        <translation>%1 bài gần trùng, %2 bài liên quan</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare/similar_list.py" line="151"/>
        <source>No similar articles found.</source>
        <translation>Không tìm thấy bài tương tự.</translation>
    </message>
</context>
<context>
    <name>SimilarArticlesModel</name>
    <message>
        <location filename="../../desktop/ui/compare/similar_model.py" line="51"/>
        <source>Similar</source>
        <translation>Giống</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare/similar_model.py" line="51"/>
        <source>Title</source>
        <translation>Tiêu đề</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare/similar_model.py" line="92"/>
        <source>For a near-duplicate: the estimated share of word sequences the two articles have in common (as in Reused text). The compare window measures, passage by passage, how much of each text is found in the other.</source>
        <translation>Với bài gần trùng: tỉ lệ ước tính các chuỗi từ hai bài có chung (như trong Văn bản dùng lại). Cửa sổ so sánh đo theo từng đoạn xem bao nhiêu phần của mỗi bài có trong bài kia.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare/similar_model.py" line="108"/>
        <source>related</source>
        <translation>liên quan</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare/similar_model.py" line="134"/>
        <source>Near-duplicate: %1 of the shorter article&apos;s text is in the other</source>
        <translation>Gần trùng: %1 văn bản của bài ngắn hơn có trong bài kia</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare/similar_model.py" line="137"/>
        <source>Related: shares distinctive words with this article, not its text</source>
        <translation>Liên quan: có chung các từ đặc trưng với bài này, không chung văn bản</translation>
    </message>
</context>
<context>
    <name>UnreachableBar</name>
    <message>
        <location filename="../../desktop/ui/server_bar.py" line="27"/>
        <source>Server unreachable</source>
        <translation>Không kết nối được máy chủ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/server_bar.py" line="35"/>
        <source>Retry</source>
        <translation>Thử lại</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/server_bar.py" line="47"/>
        <source>What you typed is kept; nothing is saved until the server answers.</source>
        <translation>Những gì bạn đã gõ vẫn được giữ; chưa có gì được lưu cho đến khi máy chủ trả lời.</translation>
    </message>
</context>
</TS>
